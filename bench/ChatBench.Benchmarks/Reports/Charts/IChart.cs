using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>One chart of a summary section, drawn from the results of the section's benchmark classes.</summary>
public interface IChart
{
    string Title { get; }

    /// <summary>The PNG's name inside the charts folder, unique for the section's first class.</summary>
    string FileName(string firstClass);

    /// <summary>Draws the chart into <paramref name="path"/>, or returns why it cannot (no data, a failed run) without writing anything.</summary>
    string? Draw(IReadOnlyList<ResultsFile> section, SummaryPlacement placement, string caption, string path);
}
