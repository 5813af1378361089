using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// How the stub answers and how long it takes. Defaults are those of a gpt-4o-class hosted model: about 450 ms to the
/// first token, then about 83 tokens per second (12 ms per token), each varied by up to ±10 % per request.
/// Every latency is multiplied by <see cref="TimeScale"/>, so 0.1 runs ten times faster with the same shape.
/// </summary>
public sealed record LatencyProfile
{
    /// <summary>A hosted gpt-4o as measured: 450 ms to the first token, then 12 ms a token, ±10 % jitter, real time.</summary>
    public static LatencyProfile Default { get; } = new();

    /// <summary>Time from the request to the first content token, before jitter and scaling.</summary>
    public TimeSpan TimeToFirstToken { get; init; } = TimeSpan.FromMilliseconds(450);

    /// <summary>Time between two content tokens, before jitter and scaling.</summary>
    public TimeSpan InterTokenInterval { get; init; } = TimeSpan.FromMilliseconds(12);

    /// <summary>Relative spread of the per-request jitter: 0.1 draws each latency uniformly within ±10 %.</summary>
    public double Jitter { get; init; } = 0.10;

    /// <summary>Every latency is multiplied by this: 0.1 answers ten times faster than the real model, 1 at its speed.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>The jitter seed: the same seed, prompt and request <c>seed</c> give the same latencies on every run.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Added to the time to first token per uncached prompt token (prefill; before jitter and scaling): zero by default.
    /// </summary>
    public TimeSpan TimeToFirstTokenPerPromptToken { get; init; }

    /// <summary>
    /// Relative spread of answer lengths: 0.5 cuts each answer to a fraction of its tokens drawn uniformly within
    /// [0.5, 1], still finishing with <c>stop</c>. Zero (the default) always sends the whole answer.
    /// </summary>
    public double LengthJitter { get; init; }

    /// <summary>When set, a recorded provider's profile decides every answer's timing and length instead of the rules.</summary>
    public ProfileReplay? Replay { get; init; }

    /// <summary>Prompt classes, tried in order; the last one should take any prompt.</summary>
    public IReadOnlyList<PromptRule> Rules { get; init; } = DefaultPromptRules.All;

    /// <summary>
    /// The ground truth for a request whose last user message is <paramref name="prompt"/>. The same inputs always give
    /// the same plan; <paramref name="requestSeed"/> (the request's <c>seed</c> field) varies the jitter between
    /// otherwise identical requests; the stub gives a request without one its prompt's next seed
    /// (<see cref="SeedlessDraws"/>), while this method stays a pure function. <paramref name="promptTokens"/> (the whole conversation's, as
    /// <see cref="PromptTokenCounter.Conversation"/> counts them) matters only with a per-token TTFT or a replay; when
    /// null, the prompt is taken as the only message. <paramref name="cachedTokens"/> of them were in the prefix cache:
    /// their prefill is not charged.
    /// </summary>
    public ResponsePlan Plan(string prompt, int? maxTokens = null, long? requestSeed = null, int? promptTokens = null, int cachedTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Validate();
        var tokens = promptTokens ?? PromptTokenCounter.Conversation([prompt]);
        if (cachedTokens < 0 || cachedTokens > tokens)
        {
            throw new ArgumentOutOfRangeException(nameof(cachedTokens), cachedTokens, $"Cached tokens must be from 0 to the prompt's {tokens} tokens.");
        }

        return Replay is not null
            ? Replay.Plan(prompt, tokens, maxTokens, requestSeed, Seed, TimeScale, cachedTokens)
            : ModelPlan(prompt, maxTokens, requestSeed, tokens, cachedTokens);
    }

    private ResponsePlan ModelPlan(string prompt, int? maxTokens, long? requestSeed, int promptTokens, int cachedTokens)
    {
        var rule = Classify(prompt);
        var key = DeterministicJitter.Key(Seed, prompt, requestSeed);
        var tokens = rule.Tokens.Count;
        if (LengthJitter > 0)
        {
            tokens = Math.Max(1, tokens - (int)Math.Floor(tokens * LengthJitter * DeterministicJitter.Uniform(key, 2)));
        }

        var finishReason = "stop";
        if (maxTokens is { } limit && limit < tokens)
        {
            tokens = limit;
            finishReason = "length";
        }

        // Prefill covers the prompt tokens the cache did not hold.
        var baseTtft = TimeToFirstTokenPerPromptToken == TimeSpan.Zero
            ? TimeToFirstToken
            : TimeToFirstToken + (TimeToFirstTokenPerPromptToken * (promptTokens - cachedTokens));
        var ttft = Scale(baseTtft, DeterministicJitter.Uniform(key, 0));
        var interval = Scale(InterTokenInterval, DeterministicJitter.Uniform(key, 1));
        return new ResponsePlan(rule, tokens, finishReason, ttft, interval, cachedTokens: cachedTokens);
    }

    internal PromptRule Classify(string prompt)
    {
        foreach (var rule in Rules)
        {
            if (rule.Matches(prompt))
            {
                return rule;
            }
        }

        throw new InvalidOperationException($"No prompt rule of the latency profile takes the prompt \"{prompt}\"; end the rules with one that takes any prompt.");
    }

    private TimeSpan Scale(TimeSpan baseline, double uniform) =>
        TimeSpan.FromTicks((long)Math.Round(baseline.Ticks * TimeScale * (1 + (Jitter * ((2 * uniform) - 1)))));

    private void Validate()
    {
        if (!(TimeScale > 0) || double.IsInfinity(TimeScale))
        {
            throw new InvalidOperationException($"Time scale must be a positive number, not {TimeScale}.");
        }

        if (Jitter is < 0 or >= 1)
        {
            throw new InvalidOperationException($"Jitter must be in [0, 1), not {Jitter}.");
        }

        if (LengthJitter is < 0 or >= 1)
        {
            throw new InvalidOperationException($"Length jitter must be in [0, 1), not {LengthJitter}.");
        }
    }
}
