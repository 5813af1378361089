using ChatBench.Benchmarks.Scenarios;
using static ChatBench.Benchmarks.Reports.Advice.AdviceFormat;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>Advice from the streaming cases: how much sooner a reader sees the first words than the whole answer.</summary>
public static class StreamingAdvice
{
    public static AdviceItem? FirstToken(AdviceSource results)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string benchmark = nameof(StreamingBenchmarks);
        var alone = results.Cases(benchmark, nameof(StreamingBenchmarks.Streams))
            .Where(c => c.NumericParameter(nameof(StreamingBenchmarks.Concurrency)) is not null)
            .MinBy(c => c.NumericParameter(nameof(StreamingBenchmarks.Concurrency)));
        if (alone?.Latency is not { Ttft: { } ttft, E2E: { } e2e } || ttft.P50 <= 0)
        {
            return null;
        }

        return new AdviceItem(
            $"Stream answers that people read (`CompleteChatStreamingAsync`): {(alone.NumericParameter(nameof(StreamingBenchmarks.Concurrency)) is 1 ? "one stream at a time" : $"{Count(alone.NumericParameter(nameof(StreamingBenchmarks.Concurrency))!.Value)} streams at a time")}, the first words arrived after {Ms(ttft.P50)} ms at the median, while one answer in ten took {Ms(e2e.P90)} ms or more to finish ({Fraction(e2e.P90 / ttft.P50)} times as long).",
            results.SectionOf(benchmark));
    }
}
