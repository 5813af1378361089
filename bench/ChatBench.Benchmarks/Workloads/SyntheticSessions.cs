using System.Globalization;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>
/// Conversations for people without a session file (<c>--sessions</c>): <see cref="Users"/> sessions of
/// <see cref="Turns"/> turns, user messages and output caps drawn in o200k tokens, a system prompt of exactly
/// <see cref="Prefix"/> tokens that every session shares (so a provider's prefix cache can hit across users), and a
/// think time before each turn after the first. Everything is drawn from the run's seed: one seed, the same text.
/// </summary>
public sealed record SyntheticSessions
{
    public static SyntheticSessions Default { get; } = new();

    /// <summary>Sessions generated: one per simulated user.</summary>
    public int Users { get; init; } = 3;

    public int Turns { get; init; } = 4;

    /// <summary>Each user message's length in o200k tokens, exact.</summary>
    public MeanAndSpread Prompt { get; init; } = new(120, 40);

    /// <summary>Each turn's <c>max_tokens</c>.</summary>
    public MeanAndSpread Answer { get; init; } = new(80, 20);

    /// <summary>The shared system prompt's length in o200k tokens, exact (its message overhead apart); 0 for none.</summary>
    public int Prefix { get; init; } = 2000;

    /// <summary>Milliseconds a user thinks after an answer before the next turn.</summary>
    public MeanAndSpread ThinkMs { get; init; } = new(1500, 0);

    /// <summary>The <see cref="Users"/> sessions of <paramref name="seed"/>.</summary>
    public IReadOnlyList<ChatSession> Generate(ulong seed)
    {
        var prefix = SharedPrefix(seed);
        return Enumerable.Range(0, Users).Select(i => Session(i, seed, prefix)).ToList();
    }

    /// <summary>
    /// Session <paramref name="index"/> of <paramref name="seed"/>, from 0: the same whatever else is generated, so a
    /// run that needs more sessions than <see cref="Users"/> (a sweep over users) keeps the first ones unchanged.
    /// </summary>
    public ChatSession Session(int index, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Session(index, seed, SharedPrefix(seed));
    }

    /// <summary>The system prompt every session of <paramref name="seed"/> shares, or null when <see cref="Prefix"/> is 0.</summary>
    public string? SharedPrefix(ulong seed) => Prefix == 0 ? null : ExactTokenText.Of(Prefix, new SeededDraws(seed, -1));

    /// <summary>Parses the <c>--sessions</c> value; <paramref name="error"/> names the part that is wrong and what it needs.</summary>
    public static bool TryParse(string? text, out SyntheticSessions sessions, out string error) =>
        SyntheticSessionsSyntax.TryParse(text, out sessions, out error);

    /// <summary>The <c>--sessions</c> value that gives these sessions.</summary>
    public override string ToString()
    {
        var think = ThinkMs.Spread == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{ThinkMs.Mean}ms")
            : string.Create(CultureInfo.InvariantCulture, $"{ThinkMs.Mean}ms~{ThinkMs.Spread}ms");
        return string.Create(CultureInfo.InvariantCulture, $"users={Users},turns={Turns},prompt={Prompt},answer={Answer},prefix={Prefix},think={think}");
    }

    private ChatSession Session(int index, ulong seed, string? prefix)
    {
        var draws = new SeededDraws(seed, index);
        var turns = new List<SessionTurn>(Turns);
        for (var turn = 0; turn < Turns; turn++)
        {
            var user = ExactTokenText.Of(Prompt.Draw(draws), draws);
            var maxTokens = Answer.Draw(draws);
            var think = turn == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(ThinkMs.Draw(draws));
            turns.Add(new SessionTurn(user, maxTokens, think));
        }

        return new ChatSession(string.Create(CultureInfo.InvariantCulture, $"synthetic-{index + 1}"), prefix, turns);
    }
}
