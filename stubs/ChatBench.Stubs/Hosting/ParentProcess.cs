using System.Diagnostics;

namespace ChatBench.Stubs.Hosting;

/// <summary>
/// Watches the process that started the stub program (<c>--parent-pid</c>), so the program does not outlive it and keep
/// its port when it is killed. A process that is not our parent cannot be waited on, only asked after: every
/// <see cref="PollInterval"/>.
/// </summary>
internal static class ParentProcess
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Completes once process <paramref name="pid"/> has ended; cancelled with <paramref name="cancellation"/>.</summary>
    public static async Task WaitForEndAsync(int pid, CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (IsRunning(pid))
        {
            await timer.WaitForNextTickAsync(cancellation);
        }
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !IsZombie(pid);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // No such process any more.
            return false;
        }
    }

    /// <summary>
    /// A killed process stays a zombie until its own parent reaps it, which one that never waits on its children never
    /// does: on Linux its state in <c>/proc</c> says so.
    /// </summary>
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] == 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc (not Linux), or the process is gone.
            return false;
        }
    }
}
