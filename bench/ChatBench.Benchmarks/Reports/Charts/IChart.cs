namespace ChatBench.Benchmarks.Reports.Charts;

/// <summary>One chart of the summary page, drawn from the files of a results folder.</summary>
public interface IChart
{
    string Title { get; }

    /// <summary>The PNG's name inside the charts folder.</summary>
    string FileName { get; }

    /// <summary>
    /// Draws the chart into <paramref name="path"/>, or returns why it cannot (no data, a failed run) without writing
    /// anything. Unreadable input files throw <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    string? Draw(ResultsFolder results, string caption, string path);
}
