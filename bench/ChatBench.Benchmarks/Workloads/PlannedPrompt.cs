using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Records;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>A prompt and, on the stub, the answer and timing the stub will give it: computed in setup, not per call.</summary>
public sealed record PlannedPrompt(int Index, ChatPrompt Prompt, ResponsePlan? Plan)
{
    /// <summary>The workload's class, else the stub rule that answers, else (live) the prompt itself.</summary>
    public string PromptClass => Prompt.Request?.Class ?? Plan?.Rule.Name ?? Prompt.Text;

    /// <summary>The conversation's prompt tokens (o200k_base), counted once in setup.</summary>
    public int PromptTokens { get; init; }

    /// <summary>Conversations: the session this prompt is a turn of, and which turn (from 0).</summary>
    public (string Session, int Turn)? Turn { get; init; }

    /// <summary>A whole answer arrived, checked by <see cref="AnswerRule"/>; the token count is the server's usage.</summary>
    public RequestRecord Answered(double start, double end, in AnswerFacts answer) =>
        Record(start, end, AnswerRule.Outcome(answer)) with { LastTokenMs = end, OutputTokens = answer.OutputTokens };

    public RequestRecord Failed(double start, double end, Exception exception) => Record(start, end, FailureOutcome.Of(exception));

    /// <summary>A whole stream, checked by <see cref="AnswerRule"/>: its first and last content times, the usage's tokens and the gaps between chunks.</summary>
    public RequestRecord Streamed(double start, StreamTiming timing, double end, in AnswerFacts answer, (int? Prompt, int? Cached) usage = default) =>
        Streamed(start, timing, end, answer.OutputTokens, AnswerRule.Outcome(answer), usage);

    /// <summary>A stream that failed, with what arrived before it did.</summary>
    public RequestRecord Streamed(double start, StreamTiming timing, double end, int? outputTokens, Exception exception) =>
        Streamed(start, timing, end, outputTokens, FailureOutcome.Of(exception));

    public static IReadOnlyList<PlannedPrompt> For(IReadOnlyList<ChatPrompt> prompts, LatencyProfile? groundTruth)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return prompts.Select((p, i) =>
        {
            var tokens = p.Request?.PromptTokens ?? PromptTokenCounter.Conversation([p.Text]);
            return new PlannedPrompt(i, p, groundTruth?.Plan(p.Text, p.Request?.MaxTokens, p.Seed, tokens)) { PromptTokens = tokens };
        }).ToList();
    }

    private RequestRecord Streamed(double start, StreamTiming timing, double end, int? outputTokens, RequestOutcome outcome, (int? Prompt, int? Cached) usage = default) =>
        Record(start, end, outcome) with
        {
            FirstTokenMs = timing.First,
            LastTokenMs = timing.Last,
            OutputTokens = outputTokens,
            ChunkGapsMs = timing.Gaps,
            ReportedPromptTokens = usage.Prompt,
            CachedTokens = usage.Cached,
        };

    private RequestRecord Record(double start, double end, RequestOutcome outcome) => new()
    {
        Index = Index,
        PromptClass = PromptClass,
        Prompt = Prompt.Text,
        PromptTokens = PromptTokens,
        StartMs = start,
        EndMs = end,
        Outcome = outcome,
        ExpectedTtftMs = Plan?.TimeToFirstToken.TotalMilliseconds,
        ExpectedTotalMs = Plan?.Total.TotalMilliseconds,
        Session = Turn?.Session,
        Turn = Turn?.Turn,
    };
}
