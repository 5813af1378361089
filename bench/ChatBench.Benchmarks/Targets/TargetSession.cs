using System.Globalization;
using System.Runtime.InteropServices;
using ChatBench.Benchmarks.Options;
using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;

namespace ChatBench.Benchmarks.Targets;

/// <summary>
/// The target for the length of one run: the embedded stub started, or the live endpoint's key and
/// preflight checked. The embedded stub is the stub program in a process of its own: the benchmark host's own work
/// (building, reading the benchmark processes, its garbage collections) stays out of the simulated API's timing, and
/// the stub keeps its own runtime settings. Ctrl+C or SIGTERM ends the benchmark processes and the stub and exits with
/// <see cref="ExitCodes.Interrupted"/>; disposing stops the stub.
/// </summary>
public sealed class TargetSession : IDisposable
{
    private readonly StubProcess? stub;
    private readonly PosixSignalRegistration onInterrupt;
    private readonly PosixSignalRegistration onTerminate;

    private TargetSession(RunSettings settings, StubProcess? stub, TextWriter errors)
    {
        Settings = settings;
        this.stub = stub;

        // BenchmarkDotNet carries on through Ctrl+C; a user who presses it wants the run, its benchmark processes and
        // the stub gone, and an exit code that says the reports are incomplete.
        void Interrupt(PosixSignalContext signal)
        {
            signal.Cancel = true;
            errors.WriteLine("error: interrupted; the benchmark processes and the stub are stopped, and this run's reports are incomplete.");
            ChildProcesses.KillAll();
            stub?.Dispose();
            System.Environment.Exit(ExitCodes.Interrupted);
        }

        onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
    }

    /// <summary>The run's settings, with the target's address: what every benchmark process of the run reads.</summary>
    public RunSettings Settings { get; }

    /// <summary>Opens the target, or returns null with the exit code after writing the one-line reason.</summary>
    public static TargetSession? Open(BenchOptions options, string recordsDirectory, TextWriter output, TextWriter errors, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        exitCode = ExitCodes.Ok;
        if (options.Target == TargetKind.Stub)
        {
            StubProcess stub;
            try
            {
                stub = StubProcess.Start(EmbeddedStub(options));
            }
            catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or System.ComponentModel.Win32Exception)
            {
                errors.WriteLine($"error: the embedded stub: {e.Message.ReplaceLineEndings(" ")}");
                exitCode = ExitCodes.TargetUnavailable;
                return null;
            }

            return new TargetSession(ServerMetricsProbe.Check(RunSettings.From(options, stub.BaseUri, recordsDirectory), BenchTarget.StubApiKey, output), stub, errors);
        }

        if (string.IsNullOrWhiteSpace(System.Environment.GetEnvironmentVariable(BenchOptions.ApiKeyVariable)))
        {
            errors.WriteLine($"error: {BenchOptions.ApiKeyVariable} is not set: export your API key in it for --target live, or drop --target live to use the embedded stub.");
            exitCode = ExitCodes.BadArguments;
            return null;
        }

        var live = RunSettings.From(options, options.BaseUrl, recordsDirectory);
        output.WriteLine($"Preflight: one request to {options.BaseUrl} with model {options.Model}...");
        if (LivePreflight.Check(BenchTarget.From(live)) is { } reason)
        {
            errors.WriteLine($"error: preflight failed: {reason}");
            exitCode = ExitCodes.TargetUnavailable;
            return null;
        }

        return new TargetSession(ServerMetricsProbe.Check(live, BenchTarget.From(live).ApiKey, output), null, errors);
    }

    /// <summary>The stub program for this run: its latency profile, and the run's model among its models.</summary>
    public static StubLaunch EmbeddedStub(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stub = new StubOptions
        {
            Profile = BenchTarget.StubProfile(options.TimeScale, options.Seed),
            Models = [.. new StubOptions().Models.Append(options.Model).Distinct()],
        };
        return new StubLaunch(stub, options.Profile, options.Profile is not null && options.ReplayErrors);
    }

    /// <summary>What the run measures, for the plan line.</summary>
    public string Describe() => Settings.Target == TargetKind.Stub
        ? string.Create(CultureInfo.InvariantCulture, $"the embedded stub at {Settings.BaseUrl} (time scale {Settings.TimeScale}, seed {Settings.Seed}{(Settings.ProfilePath is { } p ? $", replaying {p}" : string.Empty)})")
        : $"{Settings.BaseUrl} (model {Settings.Model})";

    public void Dispose()
    {
        onInterrupt.Dispose();
        onTerminate.Dispose();
        stub?.Dispose();
    }
}
