using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Reports.Csv;

/// <summary><c>-requests.csv</c>: one row per measured request of every case of a class, for distributions.</summary>
public static class RequestsCsv
{
    /// <summary>One case: its method, its parameter values (in <c>parameters</c> order) and its measured invocations.</summary>
    public sealed record Case(string Method, IReadOnlyList<object?> ParameterValues, IReadOnlyList<InvocationRecord> Invocations);

    public static string Render(IReadOnlyList<string> parameters, IEnumerable<Case> cases)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(cases);
        var table = new CsvTable(
        [
            "method", .. parameters.Select(p => p.ToLowerInvariant()),
            "iteration", "index", "prompt_class", "start_ms", "ttft_ms", "e2e_ms", "end_ms", "output_tokens", "outcome", "expected_ttft_ms", "expected_total_ms",
        ]);
        foreach (var benchmarkCase in cases)
        {
            for (var iteration = 0; iteration < benchmarkCase.Invocations.Count; iteration++)
            {
                foreach (var r in benchmarkCase.Invocations[iteration].Requests)
                {
                    table.Row(
                    [
                        benchmarkCase.Method, .. benchmarkCase.ParameterValues.Select(CsvTable.Text),
                        CsvTable.Text(iteration + 1), CsvTable.Text(r.Index), r.PromptClass, CsvTable.Number(r.StartMs), CsvTable.Number(r.TtftMs),
                        CsvTable.Number(r.E2EMs), CsvTable.Number(r.EndMs), CsvTable.Text(r.OutputTokens), CsvTable.Text(r.Outcome),
                        CsvTable.Number(r.ExpectedTtftMs), CsvTable.Number(r.ExpectedTotalMs),
                    ]);
                }
            }
        }

        return table.ToString();
    }
}
