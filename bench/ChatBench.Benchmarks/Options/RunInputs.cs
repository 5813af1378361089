using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// The files a run reads, checked before anything starts: a bad workload or profile is one line and exit code 2, never
/// a benchmark process failing later. Paths become absolute, since benchmark processes run in other folders.
/// </summary>
public static class RunInputs
{
    public static BenchOptions? Check(BenchOptions options, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.Profile is not null && options.Target == TargetKind.Live)
        {
            errors.WriteLine("error: --profile is replayed by the embedded stub; drop --target live to replay it.");
            return null;
        }

        if (options.ReplayErrors && options.Profile is null)
        {
            errors.WriteLine("error: --replay-errors replays a recorded profile's errors; give the profile with --profile FILE.");
            return null;
        }

        try
        {
            if (Workload.From(options.Workload).Sessions.Count > 0 && options.Sessions is not null)
            {
                errors.WriteLine($"error: --sessions makes synthetic sessions, but workload {options.Workload} holds sessions of its own: give one of them.");
                return null;
            }

            var workload = options.Workload is { } w ? Path.GetFullPath(w) : null;
            var profile = options.Profile is { } p ? Path.GetFullPath(p) : null;
            if (profile is not null)
            {
                _ = RecordedProfileFile.Read(profile);
            }

            return options with { Workload = workload, Profile = profile };
        }
        catch (InvalidDataException e)
        {
            errors.WriteLine($"error: {e.Message}.");
            return null;
        }
    }
}
