using ChatBench.Stubs.Latency;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// A stub program to start, as typed values: the <see cref="StubOptions"/> it serves with, and the recorded latency
/// profile it replays as a file, which the program reads itself. <see cref="StubArguments.For"/> turns it into the
/// program's arguments; <see cref="StubCommandLine.ToLaunch"/> reads them back.
/// </summary>
/// <param name="Options">Everything but the replayed profile; <c>Options.Profile.Replay</c> stays null.</param>
/// <param name="RecordedProfile">A recorded latency profile (<c>latency-profile.json</c>) to replay, or null.</param>
/// <param name="ReplayErrors">With a recorded profile: replay its errors at their recorded rates too.</param>
public sealed record StubLaunch(StubOptions Options, string? RecordedProfile = null, bool ReplayErrors = false)
{
    /// <summary>The options the program serves with: <see cref="Options"/>, replaying the recorded profile if there is one.</summary>
    /// <exception cref="InvalidDataException">The recorded profile is missing or cannot be replayed.</exception>
    public StubOptions Load() => RecordedProfile is null
        ? Options
        : Options with { Profile = Options.Profile.Replaying(RecordedProfile, ReplayErrors) };

    /// <summary>Five seconds: a streamed answer at real speed takes a few.</summary>
    public static TimeSpan DefaultShutdownGrace { get; } = TimeSpan.FromSeconds(5);

    /// <summary>On SIGTERM or Ctrl+C, how long answers in flight may take to finish before the program cuts them.</summary>
    public TimeSpan ShutdownGrace { get; init; } = DefaultShutdownGrace;

    /// <summary>The process whose end ends the program (the harness, a test), or null to serve until stopped.</summary>
    public int? ParentProcessId { get; init; }
}
