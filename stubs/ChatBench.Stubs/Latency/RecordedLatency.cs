using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Stubs.Latency;

/// <summary>Latency replayed from a recorded profile instead of the built-in model.</summary>
public static class RecordedLatency
{
    /// <summary>
    /// <paramref name="profile"/> replaying the provider measured in <paramref name="recordedProfileFile"/> (a
    /// <c>latency-profile.json</c> written by the ChatBench harness): each request draws its time to first token,
    /// token interval and length from the recorded distributions of its prompt, or of the nearest class.
    /// </summary>
    /// <param name="profile">The profile whose seed and time scale the replay keeps.</param>
    /// <param name="recordedProfileFile">The recorded profile.</param>
    /// <param name="replayErrors">Also replay the recorded errors (429, 5xx, timeouts, cut streams) at their recorded rates.</param>
    /// <exception cref="InvalidDataException">The file is missing or cannot be replayed; the message says why.</exception>
    public static LatencyProfile Replaying(this LatencyProfile profile, string recordedProfileFile, bool replayErrors = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile with { Replay = new ProfileReplay(RecordedProfileFile.Read(recordedProfileFile), replayErrors) };
    }
}
