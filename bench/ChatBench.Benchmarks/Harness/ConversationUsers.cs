using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Workloads;

namespace ChatBench.Benchmarks.Harness;

/// <summary>Who holds which conversations in one round of a conversation benchmark: one session per user.</summary>
public static class ConversationUsers
{
    /// <summary>
    /// The users of round <paramref name="round"/>. Without <paramref name="users"/>: one user per session of the
    /// workload file, or the synthetic sessions' own number of users. With it: that many users; a file's sessions are
    /// dealt round-robin (more users than sessions send the same sessions again), synthetic sessions are new ones,
    /// numbered on from the earlier rounds', so only the shared prefix and a session's own history can hit a cache.
    /// </summary>
    public static List<IReadOnlyList<ChatSession>> For(Workload workload, RunSettings settings, int round, int? users = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(settings);
        if (workload.Sessions.Count > 0)
        {
            var sessions = workload.Sessions;
            return [.. Enumerable.Range(0, users ?? sessions.Count).Select(u => (IReadOnlyList<ChatSession>)[sessions[u % sessions.Count]])];
        }

        var synthetic = settings.Sessions ?? SyntheticSessions.Default;
        var count = users ?? synthetic.Users;
        return [.. Enumerable.Range(0, count).Select(u => (IReadOnlyList<ChatSession>)[synthetic.Session((round * count) + u, settings.Seed)])];
    }
}
