using System.Diagnostics;
using System.Globalization;

namespace ChatBench.Benchmarks.Targets;

/// <summary>The processes this one started (BenchmarkDotNet's builds and benchmark runs), to end them on an interrupt.</summary>
public static class ChildProcesses
{
    public static void KillAll()
    {
        var self = Environment.ProcessId;
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                if (ParentOf(process.Id) != self)
                {
                    continue;
                }

                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // It ended on its own in the meantime.
                }
            }
        }
    }

    /// <summary>The parent process id from /proc (Linux); -1 where that is not available.</summary>
    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // Fields after the command name, which is in parentheses and may contain spaces: state, then ppid.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return -1;
        }
    }
}
