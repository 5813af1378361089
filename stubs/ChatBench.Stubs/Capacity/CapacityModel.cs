using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs.Capacity;

/// <summary>
/// A server of finite capacity, off unless asked for: <see cref="Slots"/> sequences decode at once and the rest wait
/// in a FIFO queue (as a real inference server queues, not a 429). Once admitted, a request's time to first token
/// grows with its prompt (prefill) and its inter-token interval with the number of sequences active at its admission
/// (the batch fills). Without it the stub's delays never saturate and an open-loop sweep shows no knee.
/// </summary>
public sealed record CapacityModel
{
    /// <summary>
    /// The setting the open-loop benchmarks use on the stub: 32 slots, 1 ms of prefill per prompt token and 3 % more
    /// inter-token time per extra active sequence (a full batch about doubles it), before the time scale.
    /// </summary>
    public static CapacityModel OpenLoop { get; } = new() { Slots = 32, PrefillPerPromptToken = TimeSpan.FromMilliseconds(1), DecodeSlowdown = 0.03 };

    /// <summary>Sequences served at once; the next request waits in a first-in, first-out queue.</summary>
    public int Slots { get; init; } = 1;

    /// <summary>Extra time to first token per uncached prompt token (see <see cref="ResponsePlan.CachedTokens"/>), before the time scale.</summary>
    public TimeSpan PrefillPerPromptToken { get; init; }

    /// <summary>Relative inter-token growth per active sequence beyond the first: ITL x (1 + F x (active - 1)).</summary>
    public double DecodeSlowdown { get; init; }

    /// <summary>The plan of a request admitted while <paramref name="active"/> sequences (itself included) decode.</summary>
    public ResponsePlan Admit(ResponsePlan plan, int promptTokens, int active, double timeScale)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // Cached prompt tokens are not prefilled again.
        var uncached = Math.Max(0, promptTokens - plan.CachedTokens);
        var prefill = TimeSpan.FromTicks((long)Math.Round(PrefillPerPromptToken.Ticks * (double)uncached * timeScale));
        var interval = TimeSpan.FromTicks((long)Math.Round(plan.InterTokenInterval.Ticks * (1 + (DecodeSlowdown * (Math.Clamp(active, 1, Slots) - 1)))));
        return new ResponsePlan(plan.Rule, plan.CompletionTokens, plan.FinishReason, plan.TimeToFirstToken + prefill, interval, plan.Fault, plan.CachedTokens);
    }

    /// <summary>
    /// Requests per second the server completes when saturated (every slot busy, so every admission sees a full batch):
    /// <see cref="Slots"/> / the mean service time of <paramref name="requests"/> (plan and prompt tokens).
    /// </summary>
    public double SaturatedThroughput(IEnumerable<(ResponsePlan Plan, int PromptTokens)> requests, double timeScale)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var mean = requests.Select(r => Admit(r.Plan, r.PromptTokens, Slots, timeScale).Total.TotalSeconds).DefaultIfEmpty().Average();
        return mean > 0 ? Slots / mean : 0;
    }

    /// <summary>
    /// The prompt tokens the stub counts for a request of one user message, and so the ones its gate prefills and its
    /// usage bills: the same count, not an estimate of it.
    /// </summary>
    public static int PromptTokensOf(string userMessage) => PromptTokenCounter.Prompt(userMessage);

    internal void Validate()
    {
        if (Slots < 1)
        {
            throw new ArgumentException($"A capacity model needs at least 1 slot, not {Slots}.");
        }

        if (PrefillPerPromptToken < TimeSpan.Zero || DecodeSlowdown < 0 || !double.IsFinite(DecodeSlowdown))
        {
            throw new ArgumentException("Prefill time and decode slowdown must not be negative.");
        }
    }
}
