using ChatBench.Benchmarks.Results;
using ChatBench.Benchmarks.Results.Metrics;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>
/// What a request costs the client as the batch grows: per stack and batch size, the batch's time and efficiency, and
/// per request the client's CPU, allocation and GC pause, with the batch's collections, the methods the JIT compiled, the working set and pool threads.
/// </summary>
public static class CostByBatchTable
{
    public static string Render(ResultsFile results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Cases.Count == 0)
        {
            return $"{results.Benchmark.Name} has no benchmark cases.\n";
        }

        var parameters = results.Cases.SelectMany(c => c.Parameters.Keys).Distinct(StringComparer.Ordinal).ToList();
        var table = new MarkdownTable(["Stack", .. parameters, "Mean (ms)", "Ideal (ms)", "Efficiency", "CPU/req (µs)", "Alloc/req (KB)", "GC pause/req (µs)", "GCs/batch", "Gen1+ GCs/batch", "JIT methods/batch", "Working set (MB)", "Pool threads (peak)"]);
        foreach (var result in results.Cases.OrderBy(c => c.Method, StringComparer.Ordinal).ThenBy(c => parameters.Count == 0 ? 0 : c.NumericParameter(parameters[0]) ?? 0))
        {
            table.Row(
            [
                result.Method,
                .. parameters.Select(p => result.Parameters.GetValueOrDefault(p, "-")),
                result.MeanMs is { } mean ? MarkdownTable.Figure(mean, "0.0") : "NA (failed)",
                MarkdownTable.Figure(result.IdealMs, "0.0"),
                MarkdownTable.Figure(result.Efficiency, "0.00"),
                MarkdownTable.Figure(result.Column(BatchMetrics.ClientCpu), "0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.Allocated), "0.0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.GcPause), "0.0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.Collections), "0.##"),
                MarkdownTable.Figure(result.Column(BatchMetrics.Gen1Collections), "0.##"),
                MarkdownTable.Figure(result.Column(BatchMetrics.Jit), "0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.WorkingSet), "0"),
                MarkdownTable.Figure(result.Column(BatchMetrics.PoolThreads), "0"),
            ]);
        }

        return $"{table}\nPer request: the medians of the measured batches divided by their requests. CPU/req includes a cost per batch that does not grow with it, so it falls as the batch grows until the per-request work dominates; the working set is the whole process's when the batch ended, runtime and harness included.\n";
    }
}
