using System.Diagnostics;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs.Faults;

/// <summary>A recorded provider's failure, replayed instead of the answer (<c>--replay-errors</c>).</summary>
internal static class ReplayedFaults
{
    /// <summary>Answers with the fault; false for a cut stream, which the writer cuts itself after its first tokens.</summary>
    public static async Task<bool> AnswerAsync(HttpContext context, bool stream, ReplayedFault fault, ResponsePlan plan, long start, ErrorWriter errors, StubStatistics statistics)
    {
        switch (fault.Kind)
        {
            case ErrorKinds.RateLimited:
                await errors.RejectAsync(context, OpenAIError.RateLimited(1));
                return true;
            case ErrorKinds.ServerError:
                await errors.RejectAsync(context, OpenAIError.ServerError());
                return true;
            case ErrorKinds.Cut when stream:
                return false;
            default:
                // A timeout holds the request without a byte until its recorded failure time; a cut non-streamed answer
                // dies when it was due. Either way the connection drops, as a provider's would.
                var until = fault.Kind == ErrorKinds.Timeout ? fault.After : plan.Total;
                await DueTimeScheduler.Shared.WaitUntilAsync(start + (long)Math.Ceiling(until.TotalSeconds * Stopwatch.Frequency), context.RequestAborted);

                // Counted before the connection drops, so a client that sees it break finds it counted.
                statistics.Cut1();
                context.Abort();
                return true;
        }
    }
}
