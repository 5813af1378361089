using ChatBench.Benchmarks.Reports.Charts;

namespace ChatBench.Tests.Bench;

public sealed class ReportTableTests
{
    [Fact]
    public void Columns_are_found_by_name_whatever_their_unit_case_or_punctuation()
    {
        var table = ReportTable.Parse("Method,Mean [ms],ttft_p50_ms,TTFT p90 [s],Efficiency\nA,272.7,45.5,0.05,0.96\n", "t.csv");
        var row = table.Rows[0];

        Assert.Equal(272.7, table.Milliseconds(row, "Mean"));
        Assert.Equal(45.5, table.Milliseconds(row, "ttft p50"));
        Assert.Equal(50, table.Milliseconds(row, "ttft_p90_ms")!.Value, 6);
        Assert.Equal(0.96, table.Number(row, "efficiency"));
        Assert.Null(table.Number(row, "Ratio"));
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_and_quotes_and_units_in_cells_are_converted()
    {
        var table = ReportTable.Parse("Method,Prompt,Mean,Ideal\nA,\"say \"\"hi\"\", then stop\",\"3,217.1 ms\",1.5 s\n", "t.csv");
        var row = table.Rows[0];

        Assert.Equal("say \"hi\", then stop", table.Text(row, "Prompt"));
        Assert.Equal(3217.1, table.Milliseconds(row, "Mean"));
        Assert.Equal(1500, table.Milliseconds(row, "Ideal"));
    }

    [Theory]
    [InlineData("NA")]
    [InlineData("-")]
    [InlineData("?")]
    [InlineData("")]
    public void Missing_values_read_as_null(string cell)
    {
        var table = ReportTable.Parse($"Method,Mean [ms]\nA,{cell}\n", "t.csv");

        Assert.Null(table.Milliseconds(table.Rows[0], "Mean"));
    }

    [Theory]
    [InlineData("", "t.csv is empty: it has no header row.")]
    [InlineData("Method,Mean\nA\n", "t.csv line 2 has 1 fields where the header has 2.")]
    [InlineData("Method,Mean\n\"A,1\n", "t.csv ends inside a quoted field.")]
    public void A_broken_file_is_an_error_naming_the_file_and_the_fault(string text, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReportTable.Parse(text, "t.csv"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parameter_columns_are_the_varying_columns_between_method_and_mean()
    {
        var table = ReportTable.Parse(
            "Method,Job,Runtime,BatchSize,MaxInFlight,Mean [ms]\nA,Macro,.NET 10.0,1,4,1\nA,Macro,.NET 10.0,10,4,2\nB,Macro,.NET 10.0,1,8,3\n", "t.csv");

        Assert.Equal(["BatchSize", "MaxInFlight"], table.ParameterColumns().Select(c => table.Headers[c]));
    }
}
