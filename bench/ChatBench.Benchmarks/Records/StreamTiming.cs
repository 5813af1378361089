namespace ChatBench.Benchmarks.Records;

/// <summary>When a stream's content chunks arrived, in milliseconds since the batch started: first, last and the gaps between.</summary>
public sealed class StreamTiming(int expectedChunks)
{
    private readonly List<double> gaps = new(expectedChunks);

    public double? First { get; private set; }

    public double? Last { get; private set; }

    public IReadOnlyList<double> Gaps => gaps;

    /// <summary>A chunk with content arrived at <paramref name="now"/>.</summary>
    public void Content(double now)
    {
        if (Last is { } previous)
        {
            gaps.Add(now - previous);
        }

        Last = now;
        First ??= now;
    }
}
