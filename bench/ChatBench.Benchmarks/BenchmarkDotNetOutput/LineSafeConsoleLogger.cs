using BenchmarkDotNet.Loggers;

namespace ChatBench.Benchmarks.BenchmarkDotNetOutput;

/// <summary>
/// BenchmarkDotNet's console logger, one call at a time, which also prints ChatBench's own lines from another thread
/// between BenchmarkDotNet's: its summary tables are written a cell at a time, and a line printed beside them would land
/// in the middle of a row. It takes the console logger's place (same id, higher priority).
/// </summary>
public sealed class LineSafeConsoleLogger(ILogger console) : ILogger
{
    private readonly Lock gate = new();
    private bool lineOpen;
    private string? waiting;

    public string Id => console.Id;

    public int Priority => console.Priority + 1;

    public void Write(LogKind logKind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (gate)
        {
            console.Write(logKind, text);
            if (text.Length > 0 && text[^1] == '\n')
            {
                EndLine();
            }
            else if (text.Length > 0)
            {
                lineOpen = true;
            }
        }
    }

    public void WriteLine()
    {
        lock (gate)
        {
            console.WriteLine();
            EndLine();
        }
    }

    public void WriteLine(LogKind logKind, string text)
    {
        lock (gate)
        {
            console.WriteLine(logKind, text);
            EndLine();
        }
    }

    public void Flush()
    {
        lock (gate)
        {
            console.Flush();
        }
    }

    /// <summary>
    /// Prints <paramref name="line"/> now, or, while BenchmarkDotNet is in the middle of a line, right after that line
    /// ends; a newer line replaces one still waiting.
    /// </summary>
    public void WriteBetweenLines(string line)
    {
        lock (gate)
        {
            if (lineOpen)
            {
                waiting = line;
                return;
            }

            console.WriteLine(LogKind.Info, line);
        }
    }

    private void EndLine()
    {
        lineOpen = false;
        if (waiting is { } line)
        {
            waiting = null;
            console.WriteLine(LogKind.Info, line);
        }
    }
}
