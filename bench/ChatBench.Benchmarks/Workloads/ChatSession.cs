using ChatBench.Stubs.Latency;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// A conversation: an optional system prompt and turns sent one after the other. Turn k sends the system prompt, every
/// earlier user message each followed by the answer the endpoint actually returned to it, then turn k's user message;
/// so each turn's prompt starts with the whole previous one, which is what a provider's prefix cache reuses.
/// </summary>
public sealed record ChatSession
{
    public ChatSession(string id, string? system, IReadOnlyList<SessionTurn> turns, string? sessionClass = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentOutOfRangeException.ThrowIfZero(turns.Count);
        Id = id;
        System = system;
        Turns = turns;
        Class = sessionClass;
    }

    /// <summary>The session's name, unique within its workload.</summary>
    public string Id { get; }

    /// <summary>The system prompt every turn starts with, or null for none.</summary>
    public string? System { get; }

    public IReadOnlyList<SessionTurn> Turns { get; }

    /// <summary>The label reports group the session's requests by; null: each request's prompt-token bucket.</summary>
    public string? Class { get; }

    /// <summary>Requests a run of these sessions sends, each session once: one per turn.</summary>
    public static int PlannedRequests(IEnumerable<ChatSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return sessions.Sum(s => s.Turns.Count);
    }

    /// <summary>
    /// The exact messages a client sends for turn <paramref name="turn"/> (from 0), given the answers returned to the
    /// turns before it: <paramref name="answers"/>[i] answers turn i, and at least <paramref name="turn"/> are needed.
    /// </summary>
    public IReadOnlyList<WorkloadMessage> Messages(int turn, IReadOnlyList<string> answers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(turn);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(turn, Turns.Count);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count < turn)
        {
            throw new ArgumentException($"Turn {turn} of session {Id} follows {turn} answers; {answers.Count} given.", nameof(answers));
        }

        return History(turn, i => answers[i] ?? throw new ArgumentException($"Answer {i} of session {Id} is null.", nameof(answers)));
    }

    /// <summary>
    /// Turn <paramref name="turn"/> as one request: its <see cref="Messages"/>, the session's class and the turn's output
    /// cap; with a <paramref name="contextWindow"/>, the oldest exchanges dropped until it fits (<see cref="ContextWindowFit"/>).
    /// </summary>
    public WorkloadRequest Request(int turn, IReadOnlyList<string> answers, int? contextWindow = null) => new(
        contextWindow is { } window ? ContextWindowFit.Fit(Messages(turn, answers), window, Turns[turn].MaxTokens) : Messages(turn, answers),
        Class,
        Turns[turn].MaxTokens);

    /// <summary>
    /// Turn <paramref name="turn"/>'s prompt tokens before any answer is known: each earlier answer counted as an empty
    /// assistant message (its 3 tokens of chat overhead). The real count adds the answers' own tokens, so this is a lower bound.
    /// </summary>
    public int MinimumPromptTokens(int turn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(turn);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(turn, Turns.Count);
        return PromptTokenCounter.Conversation(History(turn, _ => string.Empty).Select(m => m.Content));
    }

    private List<WorkloadMessage> History(int turn, Func<int, string> answer)
    {
        var messages = new List<WorkloadMessage>((2 * turn) + 2);
        if (System is not null)
        {
            messages.Add(new WorkloadMessage("system", System));
        }

        for (var i = 0; i < turn; i++)
        {
            messages.Add(new WorkloadMessage("user", Turns[i].User));
            messages.Add(new WorkloadMessage("assistant", answer(i)));
        }

        messages.Add(new WorkloadMessage("user", Turns[turn].User));
        return messages;
    }
}
