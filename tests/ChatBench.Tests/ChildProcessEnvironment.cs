using System.Diagnostics;

namespace ChatBench.Tests;

/// <summary>
/// A program a test starts inherits the test process's environment, and RunPlanTests sets the harness's job variables
/// (<c>CHATBENCH_*</c>) in it while other tests run beside it: the tests that start the benchmark program clear them,
/// so their run reads only what its own command line gives it.
/// </summary>
internal static class ChildProcessEnvironment
{
    private const string HarnessPrefix = "CHATBENCH_";

    public static ProcessStartInfo WithoutHarnessVariables(this ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith(HarnessPrefix, StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }
}
