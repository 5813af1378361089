using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Harness;

/// <summary>Who holds which conversations in one round of a conversation benchmark.</summary>
public static class ConversationUsers
{
    /// <summary>
    /// The users of round <paramref name="round"/>, each running its sessions one after the other. Without
    /// <paramref name="users"/>: one user per session of the workload file, or the synthetic sessions' own number of
    /// users. With it: that many users; a file's sessions are dealt round-robin, every one sent (fewer users than
    /// sessions hold several each; more users than sessions send some again), synthetic sessions are new ones, one per
    /// user, numbered on from the earlier rounds'.
    /// </summary>
    public static List<IReadOnlyList<ChatSession>> For(Workload workload, RunSettings settings, int round, int? users = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(settings);
        if (workload.Sessions.Count > 0)
        {
            var sessions = workload.Sessions;
            var holders = users ?? sessions.Count;
            return [.. Enumerable.Range(0, holders).Select(u => holders >= sessions.Count
                ? (IReadOnlyList<ChatSession>)[sessions[u % sessions.Count]]
                : [.. sessions.Where((_, i) => i % holders == u)])];
        }

        var synthetic = settings.Sessions ?? SyntheticSessions.Default;
        var count = users ?? synthetic.Users;
        return [.. Enumerable.Range(0, count).Select(u => (IReadOnlyList<ChatSession>)[synthetic.Session((round * count) + u, settings.Seed)])];
    }
}
