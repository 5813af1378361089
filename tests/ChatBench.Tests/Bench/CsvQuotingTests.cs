using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Reports.Csv;
using ChatBench.Stubs.Outcomes;
using Microsoft.VisualBasic.FileIO;

namespace ChatBench.Tests.Bench;

/// <summary>Every CSV ChatBench writes reads back, cell for cell, with an RFC 4180 reader, whatever a workload names its classes.</summary>
public sealed class CsvQuotingTests
{
    [Fact]
    public void A_workload_class_with_a_comma_and_quotes_stays_one_cell_of_the_requests_file()
    {
        const string promptClass = "support, \"billing\"";
        var request = new RequestRecord { Index = 0, PromptClass = promptClass, StartMs = 1, EndMs = 11, Outcome = RequestOutcome.Answered };
        var text = RequestsCsv.Render(["Requests"], [new RequestsCsv.Case("WhenAll", [10], [new InvocationRecord(0, [request])])]);

        var rows = Read(text);

        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0].Length, rows[1].Length);
        Assert.Equal(promptClass, rows[1][Array.IndexOf(rows[0], "prompt_class")]);
        Assert.Equal("10", rows[1][Array.IndexOf(rows[0], "requests")]);
    }

    private static List<string[]> Read(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }
}
