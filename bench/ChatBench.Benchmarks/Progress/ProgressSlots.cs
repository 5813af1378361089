using System.Globalization;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Progress;

/// <summary>
/// The layout of a benchmark process's progress counters: one slot a request outcome kind, and one a refusing HTTP
/// status, so a 429 and a 500 are told apart. Every slot counts finished requests; the answered slot is the only success.
/// </summary>
public static class ProgressSlots
{
    private const int FirstStatus = 100;
    private const int LastStatus = 599;

    private static readonly int KindSlots = Enum.GetValues<RequestOutcomeKind>().Length;

    /// <summary>Slots a process keeps: fixed, so the host reads every process's file the same way.</summary>
    public static int Count { get; } = KindSlots + (LastStatus - FirstStatus + 1);

    /// <summary>The slot <paramref name="outcome"/> counts in: a status of its own when the server refused with one.</summary>
    public static int Of(RequestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome is { Kind: RequestOutcomeKind.Failed, Status: >= FirstStatus and <= LastStatus and var status }
            ? KindSlots + status - FirstStatus
            : (int)outcome.Kind;
    }

    public static bool IsAnswered(int slot) => slot == (int)RequestOutcomeKind.Answered;

    /// <summary>The words a progress line names a slot's failures with, as the failure messages name outcomes.</summary>
    public static string Label(int slot) => slot >= KindSlots
        ? string.Create(CultureInfo.InvariantCulture, $"http {FirstStatus + slot - KindSlots}")
        : (RequestOutcomeKind)slot switch
        {
            RequestOutcomeKind.Answered => "ok",
            RequestOutcomeKind.Failed => "failed without a status",
            RequestOutcomeKind.Timeout => "timeout",
            RequestOutcomeKind.Cut => "cut",
            RequestOutcomeKind.Dropped => "dropped",
            RequestOutcomeKind.EmptyAnswer => "empty answer",
            RequestOutcomeKind.NoUsage => "no usage",
            RequestOutcomeKind.FinishReason => "finish_reason",
            var kind => kind.ToString(),
        };
}
