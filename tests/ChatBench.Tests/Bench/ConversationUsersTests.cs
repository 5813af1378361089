using ChatBench.Benchmarks.Harness;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Tests.Bench;

/// <summary>Who holds which conversations: every session of a file is sent, dealt round-robin; synthetic ones are new each round.</summary>
public sealed class ConversationUsersTests
{
    private static readonly Workload ThreeSessions = new(
        "three",
        [],
        [.. new[] { "a", "b", "c" }.Select(id => new ChatSession(id, null, [new SessionTurn($"Hello from {id}.", null, TimeSpan.Zero)]))]);

    [Theory]
    [InlineData(null, "a|b|c")]
    [InlineData(1, "a,b,c")]
    [InlineData(2, "a,c|b")]
    [InlineData(5, "a|b|c|a|b")]
    public void A_files_sessions_are_dealt_round_robin_and_none_is_dropped(int? users, string expected)
    {
        var dealt = ConversationUsers.For(ThreeSessions, RunSettings.Defaults, round: 0, users);

        Assert.Equal(expected, string.Join('|', dealt.Select(u => string.Join(',', u.Select(s => s.Id)))));
    }

    [Fact]
    public void Synthetic_sessions_are_one_a_user_and_new_every_round()
    {
        var settings = RunSettings.Defaults with { Options = new BenchOptions { Sessions = SyntheticSessions.Default with { Users = 2, Prefix = 0 } } };

        var first = ConversationUsers.For(Workload.Default, settings, round: 0);
        var second = ConversationUsers.For(Workload.Default, settings, round: 1);

        Assert.Equal([1, 1], first.Select(u => u.Count));
        Assert.Empty(first.SelectMany(u => u).Select(s => s.Id).Intersect(second.SelectMany(u => u).Select(s => s.Id)));
        Assert.Equal(4, ConversationUsers.For(Workload.Default, settings, round: 0, users: 4).Count);
    }
}
