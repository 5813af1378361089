namespace ChatBench.Benchmarks;

/// <summary>The harness's exit codes, as README.md documents them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A benchmark failed, or the run failed after benchmarks ran (its partial reports are kept).</summary>
    public const int BenchmarkFailed = 1;

    /// <summary>Bad options, a missing key, an unwritable results folder, unreadable results.</summary>
    public const int BadArguments = 2;

    /// <summary>The live endpoint failed its preflight, or the embedded stub its warm-up.</summary>
    public const int TargetUnavailable = 3;

    public const int OverBudget = 4;

    /// <summary><c>--compare --fail-on-regression</c>: at least one case is slower than in the baseline.</summary>
    public const int Regression = 5;

    /// <summary>The shell's convention for a run ended by Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
