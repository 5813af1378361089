using ChatBench.Benchmarks.Targets;
using ChatBench.Stubs;
using ChatBench.Stubs.Hosting;

namespace ChatBench.Tests.Stubs;

/// <summary>The harness's stub program ends with the harness: it is started with the harness's pid to watch.</summary>
public sealed class HarnessStubLifetimeTests
{
    [Fact]
    public void The_harness_starts_its_stub_program_with_its_own_pid_as_the_parent_to_outlive()
    {
        using var stub = StubProcess.Start(new StubLaunch(new StubOptions { Port = 0 }));

        // The program's command line as the kernel holds it: arguments separated by NUL characters.
        var arguments = File.ReadAllText($"/proc/{stub.ProcessId}/cmdline").Split('\0');
        var parent = Array.IndexOf(arguments, "--parent-pid");

        Assert.True(parent > 0, $"no --parent-pid among: {string.Join(' ', arguments)}");
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), arguments[parent + 1]);
    }
}
