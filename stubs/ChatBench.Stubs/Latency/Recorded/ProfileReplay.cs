namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>
/// Plays a <see cref="RecordedProfile"/> back. A recorded prompt draws its TTFT, interval and output length from its own
/// distributions (its class's when it has fewer than <see cref="MinPromptSamples"/> samples); any other prompt from the
/// class nearest in prompt tokens, its TTFT moved along the fitted line. When the profile keeps recorded requests whole,
/// one is replayed whole, chosen by <see cref="RecordedRequestCycle"/>; else each quantile grid is drawn on its own.
/// A TTFT moves along the fitted line by the difference between the cached tokens when recorded and the stub's cache's
/// now (<see cref="WithCachedPrefill"/>). Draws depend only on (seed, prompt, request seed); the stub gives a request
/// without a <c>seed</c> its prompt's next request seed (<see cref="SeedlessDraws"/>), so a seedless client's repeats of
/// a prompt walk its recorded requests too. The TTFT depends on the draws, the
/// prompt tokens and the cached tokens, so the bench computes every request's plan in advance. Each grid
/// draw is a Weyl sequence over the request seed (start from the prompt's hash, step an irrational): requests 0..n-1 of
/// one prompt spread evenly over the distribution, so a few dozen replayed requests already follow the recorded
/// quantiles, which independent draws would only do at thousands.
/// </summary>
public sealed class ProfileReplay
{
    internal const int MinPromptSamples = 20;

    // Fractional parts of the golden ratio, sqrt 2, sqrt 3 and sqrt 5: rationally independent steps, so the four
    // sequences do not move together.
    private static readonly double[] Steps = [0.6180339887498949, 0.4142135623730951, 0.7320508075688772, 0.2360679774997897];

    private readonly Dictionary<string, Source> byPrompt = new(StringComparer.Ordinal);
    private readonly Source[] classes;
    private readonly bool replayErrors;

    internal ProfileReplay(RecordedProfile profile, bool replayErrors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        this.replayErrors = replayErrors;
        var rules = new Dictionary<string, PromptRule>(StringComparer.Ordinal);
        PromptRule RuleFor(string name, int tokens) =>
            rules.TryGetValue(name, out var rule) && rule.Tokens.Count >= tokens ? rule : rules[name] = ReplayAnswers.Rule(name, tokens);

        classes = profile.Classes
            .Select(c => new Source(c, RuleFor(c.Class, MaxTokens(c))))
            .OrderBy(s => s.Group.PromptTokens)
            .ToArray();
        var byClass = classes.ToDictionary(s => s.Group.Class, StringComparer.Ordinal);
        foreach (var prompt in profile.Prompts.Where(p => p.Prompt is not null))
        {
            byPrompt[prompt.Prompt!] = prompt.Samples >= MinPromptSamples || !byClass.TryGetValue(prompt.Class, out var own)
                ? new Source(prompt, RuleFor(prompt.Class, MaxTokens(prompt)))
                : own;
        }
    }

    internal RecordedProfile Profile { get; }

    internal ResponsePlan Plan(string prompt, int promptTokens, int? maxTokens, long? requestSeed, ulong seed, double timeScale, int cachedTokens = 0)
    {
        var (source, shiftMs) = byPrompt.TryGetValue(prompt, out var recorded) ? (recorded, 0.0) : Nearest(promptTokens);
        var group = source.Group;
        var offset = DeterministicJitter.Key(seed, prompt, null);
        var n = (double)(requestSeed ?? 0);
        double Draw(int i)
        {
            var x = DeterministicJitter.Uniform(offset, i) + (n * Steps[i]);
            return x - Math.Floor(x);
        }

        // A drawn request replays against its own cached tokens; a grid draw mixes the group's requests, so it is taken
        // against their mean.
        var whole = group.Requests is { Count: > 0 } requests && source.Cycle is { } cycle
            ? requests[cycle.Index(DeterministicJitter.Uniform(offset, 0), requestSeed ?? 0)]
            : null;
        var drawn = whole ?? new RecordedRequest(QuantileGrid.Sample(group.TtftMs, Draw(0)), QuantileGrid.Sample(group.ItlMs, Draw(1)), (int)Math.Round(QuantileGrid.Sample(group.OutputTokens, Draw(2))));
        var recordedCached = whole is null ? group.MeanCachedTokens ?? 0 : whole.CachedTokens ?? 0;
        var ttft = Math.Max(0, WithCachedPrefill(drawn.TtftMs + shiftMs, recordedCached, cachedTokens)) * timeScale;
        var interval = Math.Max(0, drawn.ItlMs) * timeScale;
        var tokens = Math.Clamp(drawn.OutputTokens, 1, source.Rule.Tokens.Count);
        var finishReason = "stop";
        if (maxTokens is { } limit && limit < tokens)
        {
            tokens = limit;
            finishReason = "length";
        }

        var fault = replayErrors ? Fault(Draw(3), tokens, timeScale) : null;
        return new ResponsePlan(source.Rule, tokens, finishReason, TimeSpan.FromMilliseconds(ttft), TimeSpan.FromMilliseconds(interval), fault, cachedTokens);
    }

    /// <summary>
    /// A recorded TTFT paid the prefill of the prompt tokens the provider had not cached then (<paramref name="recordedCached"/>
    /// were); now <paramref name="cachedTokens"/> are, so it moves along the profile's fitted line, itself fitted on uncached
    /// tokens, by slope x (recorded cached - cached now): more to prefill than when recorded is slower, less is faster. A
    /// faster one stays at or above the line's intercept, the provider's TTFT for nothing to prefill, and a recorded TTFT
    /// already below it is kept; a flat or falling line (noise) moves nothing.
    /// </summary>
    private double WithCachedPrefill(double ttftMs, double recordedCached, int cachedTokens)
    {
        var line = Profile.TtftByPromptTokens;
        var change = line.SlopeMsPerToken * (recordedCached - cachedTokens);
        if (line.SlopeMsPerToken <= 0)
        {
            return ttftMs;
        }

        if (change >= 0)
        {
            return ttftMs + change;
        }

        var floor = Math.Min(ttftMs, Math.Max(0, line.InterceptMs));
        return Math.Max(floor, ttftMs + change);
    }

    private (Source Source, double ShiftMs) Nearest(int promptTokens)
    {
        var nearest = classes.MinBy(s => Math.Abs(s.Group.PromptTokens - promptTokens))!;
        return (nearest, Profile.TtftByPromptTokens.SlopeMsPerToken * (promptTokens - nearest.Group.PromptTokens));
    }

    private ReplayedFault? Fault(double uniform, int tokens, double timeScale)
    {
        var cumulative = 0.0;
        foreach (var kind in (string[])[ErrorKinds.RateLimited, ErrorKinds.ServerError, ErrorKinds.Timeout, ErrorKinds.Cut])
        {
            if (!Profile.Errors.Kinds.TryGetValue(kind, out var recorded))
            {
                continue;
            }

            cumulative += recorded.Rate;
            if (uniform < cumulative)
            {
                // A cut stream keeps its role event and the first half of its tokens.
                return new ReplayedFault(kind, TimeSpan.FromMilliseconds(recorded.MedianMsToFailure * timeScale), 1 + (tokens / 2));
            }
        }

        return null;
    }

    private static int MaxTokens(RecordedGroup group) => Math.Max(1, (int)Math.Ceiling(group.OutputTokens.Count == 0 ? 1 : group.OutputTokens[^1]));

    private sealed record Source(RecordedGroup Group, PromptRule Rule)
    {
        public RecordedRequestCycle? Cycle { get; } = Group.Requests is { Count: > 0 } requests ? new RecordedRequestCycle(requests.Count) : null;
    }
}
