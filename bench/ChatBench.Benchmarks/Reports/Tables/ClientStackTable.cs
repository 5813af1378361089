using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// What each client stack costs the process that calls it: per case, CPU and allocation per request, the thread pool's
/// peak, and the batch's wall time, efficiency and speed against the baseline stack.
/// </summary>
public static class ClientStackTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Cases.Count == 0)
        {
            return $"{results.Benchmark.Name} has no benchmark cases.\n";
        }

        var parameters = results.Cases.SelectMany(c => c.Parameters.Keys).Distinct(StringComparer.Ordinal).ToList();
        var table = new MarkdownTable(["Stack", .. parameters, "CPU/req (µs)", "Alloc/req (KB)", "Pool threads (peak)", "Pool queue (peak)", "Mean (ms)", "Efficiency", "Speed-up"]);
        foreach (var result in results.Cases)
        {
            table.Row(
            [
                result.Method,
                .. parameters.Select(p => result.Parameters.GetValueOrDefault(p, "-")),
                MarkdownTable.Figure(result.Column(BatchMetrics.ClientCpu), "0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.Allocated), "0.0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.PoolThreads), "0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.PoolQueue), "0"),
                result.MeanMs is { } mean ? MarkdownTable.Figure(mean, "0.0") : "NA (failed)",
                MarkdownTable.Figure(result.Efficiency, "0.00"),
                SpeedupTable.Speedup(results, result) is { } x ? MarkdownTable.Figure(x, "0.00") + "x" : "-",
            ]);
        }

        return $"{table}\nCPU/req: the benchmark process's CPU time (user + kernel) per request, median of the measured batches; it includes a fixed cost per batch of the order of 0.1 s, so compare stacks at the same batch size, and the largest batch comes closest to each stack's own cost.\n";
    }
}
