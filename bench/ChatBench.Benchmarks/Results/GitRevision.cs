using System.ComponentModel;
using System.Diagnostics;

namespace ChatBench.Benchmarks.Results;

/// <summary>The commit a checkout is at, for the run description; null outside a git checkout.</summary>
public static class GitRevision
{
    public static string? Of(string repositoryRoot)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", repositoryRoot, "rev-parse", "--short=12", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (Win32Exception)
        {
            // No git on the machine (a source archive, a container): the run is still described, without a commit.
            return null;
        }
    }
}
