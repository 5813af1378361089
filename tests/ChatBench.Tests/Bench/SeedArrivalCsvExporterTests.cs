using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports;
using ChatBench.Benchmarks.Reports.Charts;

namespace ChatBench.Tests.Bench;

public sealed class SeedArrivalCsvExporterTests
{
    [Fact]
    public void Rows_carry_each_requests_start_and_end_and_read_back_through_the_report_table()
    {
        InvocationRecord[] invocations =
        [
            new(3, [Request(1, "two-plus-two", 0.5, 56.84), Request(0, "hockey, players", 0.1, 216.2)]),
            new(4, [Request(0, "hockey, players", 0.2, 215.3), Request(1, "two-plus-two", 0.6, 57.2)]),
        ];

        var text = SeedArrivalCsvExporter.Header + "\n" + SeedArrivalCsvExporter.Rows("Concurrent", invocations);
        var table = ReportTable.Parse(text, "arrivals.csv");

        Assert.Equal(4, table.Rows.Count);
        var first = table.Rows[0];
        Assert.Equal("Concurrent", table.Text(first, "method"));
        Assert.Equal(1, table.Number(first, "iteration"));
        Assert.Equal(0, table.Number(first, "index"));
        Assert.Equal("hockey, players", table.Text(first, "prompt"));
        Assert.Equal(216.2, table.Milliseconds(first, "end_ms"));
        Assert.Equal(56.84, table.Milliseconds(table.Rows[1], "end_ms"));
        Assert.Equal(2, table.Number(table.Rows[3], "iteration"));
    }

    private static RequestRecord Request(int index, string prompt, double start, double end) =>
        new() { Index = index, PromptClass = prompt, StartMs = start, EndMs = end, Outcome = RequestRecord.Ok };
}
