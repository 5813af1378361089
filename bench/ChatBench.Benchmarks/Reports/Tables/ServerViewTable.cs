using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.ServerMetrics;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// The client's latency against the server's, per case whose results hold the server's view: the difference is what
/// the network, the client's HTTP stack and the harness add to what the server measured itself.
/// </summary>
public static class ServerViewTable
{
    public const string Heading = "The server's view: what the network and the client add";

    /// <summary>The section, or null when no case has the server's view (the target served no <c>/metrics</c>).</summary>
    public static string? Render(IReadOnlyList<ResultsFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var cases = files.SelectMany(f => f.Cases.Where(c => c.Server is not null).Select(c => (File: f, Case: c, Server: c.Server!))).ToList();
        if (cases.Count == 0)
        {
            return null;
        }

        var table = new MarkdownTable(
            "case", "Requests client / server", "TTFT p50 client / server (ms)", "added", "TTFT p99 client / server (ms)", "added",
            "TTFT mean client / server (ms)", "added", "E2E p50 client / server (ms)", "E2E mean client / server (ms)", "added",
            "Peak running / waiting");
        foreach (var (file, result, server) in cases)
        {
            var client = result.Latency;
            table.Row(
                $"{file.Benchmark.Name}: {result.Label}",
                $"{(client is null ? "-" : client.Succeeded.ToString(CultureInfo.InvariantCulture))} / {MarkdownTable.Figure(server.Requests, "0")}",
                Pair(client?.Ttft?.P50, server.Ttft?.P50),
                Added(client?.Ttft?.P50, server.Ttft?.P50),
                Pair(client?.Ttft?.P99, server.Ttft?.P99),
                Added(client?.Ttft?.P99, server.Ttft?.P99),
                Pair(client?.Ttft?.Mean, server.Ttft?.Mean),
                Added(client?.Ttft?.Mean, server.Ttft?.Mean),
                Pair(client?.E2E?.P50, server.E2E?.P50),
                Pair(client?.E2E?.Mean, server.E2E?.Mean),
                Added(client?.E2E?.Mean, server.E2E?.Mean),
                server.PeakRunning is null ? "-" : $"{MarkdownTable.Figure(server.PeakRunning, "0")} / {MarkdownTable.Figure(server.PeakWaiting, "0")}");
        }

        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"\n## {Heading}\n\n");
        page.Append("The target's own `/metrics`, scraped before and after every measured iteration (outside the measured time): its\n");
        page.Append("requests finished, and its time to first token and end-to-end latency from the increase of its histograms. Client\n");
        page.Append("figures are the harness's, over the same iterations' successful requests; \"added\" is client minus server: the network,\n");
        page.Append("the client's HTTP stack and the SDK. Server percentiles are interpolated within the server's histogram buckets, as\n");
        page.Append("Prometheus' `histogram_quantile` does, so they are only as fine as its buckets (vLLM's TTFT buckets are 20 ms wide\n");
        page.Append("between 20 and 100 ms, its E2E buckets start at 300 ms); the means are exact, so their difference is the one to read.\n\n");
        page.Append(table);
        var ttft = Range(cases.Select(c => c.Case.Latency?.Ttft?.Mean - c.Server.Ttft?.Mean));
        var e2e = Range(cases.Select(c => c.Case.Latency?.E2E?.Mean - c.Server.E2E?.Mean));
        if (ttft is not null || e2e is not null)
        {
            page.Append("\nIn this run, client minus server:")
                .Append(ttft is null ? string.Empty : $" mean TTFT {ttft} ms{(e2e is null ? "." : ",")}")
                .Append(e2e is null ? string.Empty : $" mean E2E {e2e} ms.")
                .Append('\n');
        }
        var partial = cases.Where(c => c.Server.Iterations != c.Case.Iterations.Count).Select(c => $"{c.File.Benchmark.Name}: {c.Case.Label}").ToList();
        if (partial.Count > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"\nThe server's figures cover fewer iterations than the client's (a scrape failed) in: {string.Join("; ", partial)}.\n");
        }

        return page.ToString();
    }

    /// <summary>"+1.0" or "+0.7 to +1.5" over the cases that have the figure; null when none has it.</summary>
    private static string? Range(IEnumerable<double?> differences)
    {
        var present = differences.OfType<double>().ToList();
        if (present.Count == 0)
        {
            return null;
        }

        var (low, high) = (Added(present.Min(), 0), Added(present.Max(), 0));
        return low == high ? low : $"{low} to {high}";
    }

    private static string Pair(double? client, double? server) => $"{MarkdownTable.Figure(client, "0.0")} / {MarkdownTable.Figure(server, "0.0")}";

    private static string Added(double? client, double? server) => MarkdownTable.Figure(client - server, "+0.0;-0.0;0.0");
}
