using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Harness;

/// <summary>The latency model of the stubs the conversation classes start for themselves.</summary>
public static class ConversationStub
{
    /// <summary>
    /// The prefill charged per uncached prompt token before the time scale: 2,000 tokens take 200 ms, the order of a
    /// hosted gpt-4o's time to first token for such a prompt.
    /// </summary>
    public const double PrefillMsPerToken = 0.1;

    /// <summary>
    /// Answers cut to 70-100 % of their length, drawn per request seed: a session sent again in a later iteration gets
    /// other answers, so its history diverges from its first answer on, as a provider's would, and a cache cannot hit
    /// the whole of it again.
    /// </summary>
    public const double AnswerLengthJitter = 0.3;

    /// <summary>The run's scale and seed with varied answer lengths, and, unless a capacity model charges it, the prefill per token.</summary>
    public static LatencyProfile Profile(LatencyProfile run, bool chargePrefill)
    {
        ArgumentNullException.ThrowIfNull(run);
        var profile = BenchTarget.StubProfile(run.TimeScale, run.Seed) with { LengthJitter = AnswerLengthJitter };
        return chargePrefill ? profile with { TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(PrefillMsPerToken) } : profile;
    }
}
