using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Metrics;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// Writes a planned answer on schedule: the whole completion when it is due, or the stream token by token. Writes go
/// straight to the response pipe, so this is the part of the stub that costs CPU per request; keep it lean.
/// </summary>
internal sealed class ChatCompletionWriter(StubFaults faults, StubStatistics statistics)
{
    private static readonly TimeSpan CutGrace = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Answers <paramref name="request"/> with <paramref name="plan"/>, timed from <paramref name="start"/> (the stub took
    /// it at <paramref name="arrival"/>: earlier when it queued for capacity); with
    /// <paramref name="reportTiming"/>, tells the client how late the stub was (see <see cref="StubTiming"/>). A whole
    /// answer counts in <paramref name="series"/>, the model's metrics when the stub serves them.
    /// </summary>
    public async Task WriteAsync(HttpContext context, ChatRequest request, ResponsePlan plan, long arrival, long start, bool reportTiming, ModelMetrics? series)
    {
        var identity = new CompletionIdentity(request.Model);
        StubPlanHeaders.Write(context.Response, request, plan);
        bool whole;
        if (request.Stream)
        {
            whole = await StreamAsync(context, request, plan, identity, start, reportTiming);
        }
        else
        {
            // The answer is written before the wait, so that at its due time only the bytes remain to be sent.
            var buffer = new ArrayBufferWriter<byte>(2048);
            ChatCompletionJson.WriteCompletion(buffer, identity, plan.Content, plan.FinishReason, request.PromptTokens, plan.CompletionTokens, plan.CachedTokens);
            await WaitUntilAsync(start, plan.Total, context.RequestAborted);
            await WriteCompletionAsync(context, buffer, plan, reportTiming ? start : null);
            whole = true;
        }

        if (whole)
        {
            series?.Succeeded(request.PromptTokens, plan, arrival, start);
        }
    }

    private async Task WriteCompletionAsync(HttpContext context, ArrayBufferWriter<byte> buffer, ResponsePlan plan, long? timedFrom)
    {
        var response = context.Response;
        if (timedFrom is { } start)
        {
            response.Headers[StubTiming.LateHeader] = StubTiming.Microseconds(Stopwatch.GetElapsedTime(start) - plan.Total);
            response.Headers[StubTiming.StartedHeader] = start.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.BodyWriter.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        statistics.Succeeded1();
    }

    /// <summary>Streams the plan; false when the stream was cut instead of finished.</summary>
    private async Task<bool> StreamAsync(HttpContext context, ChatRequest request, ResponsePlan plan, CompletionIdentity identity, long start, bool reportTiming)
    {
        var aborted = context.RequestAborted;
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        var pipe = response.BodyWriter;
        var prefix = identity.ChunkPrefix();
        var cutAfter = (plan.Fault is { Kind: ErrorKinds.Cut } cut ? cut.CutAfterEvents : (int?)null) ?? faults.CutStreamAfterEvents ?? int.MaxValue;

        // Like vLLM and OpenAI, the role event goes out before any content; it does not count as the first token.
        pipe.Write(prefix);
        pipe.Write(StreamEvents.RoleTail);
        await pipe.FlushAsync(aborted);
        var events = 1;

        var tokens = plan.Rule.EncodedTokens;
        var unflushed = false;
        TimeSpan firstLate = default, lastLate = default;
        for (var i = 0; i < plan.CompletionTokens; i++)
        {
            var due = plan.TokenDueAt(i);
            if (Stopwatch.GetElapsedTime(start) < due)
            {
                // Tokens already due go out together; the next one waits for its own time, never less.
                if (unflushed)
                {
                    await pipe.FlushAsync(aborted);
                }

                await WaitUntilAsync(start, due, aborted);
            }

            // A cut stream dies when its next event was due, after everything before it went out.
            if (events >= cutAfter)
            {
                await CutAsync(context, pipe);
                return false;
            }

            if (reportTiming)
            {
                lastLate = Stopwatch.GetElapsedTime(start) - due;
                firstLate = i == 0 ? lastLate : firstLate;
            }

            pipe.Write(prefix);
            pipe.Write(StreamEvents.ContentMiddle);
            pipe.Write(tokens[i]);
            pipe.Write(StreamEvents.ContentTail);
            unflushed = true;
            events++;
        }

        if (events >= cutAfter)
        {
            await CutAsync(context, pipe);
            return false;
        }

        pipe.Write(prefix);
        pipe.Write(StreamEvents.FinishTail(plan.FinishReason));
        if (request.IncludeUsage)
        {
            pipe.Write(prefix);
            ChatCompletionJson.WriteUsageChunkTail(pipe, request.PromptTokens, plan.CompletionTokens, plan.CachedTokens);
        }

        if (reportTiming)
        {
            pipe.Write(StubTiming.Comment(firstLate, lastLate));
        }

        pipe.Write(StreamEvents.Done);
        await pipe.FlushAsync(aborted);
        statistics.Succeeded1();
        return true;
    }

    private async Task CutAsync(HttpContext context, PipeWriter pipe)
    {
        await pipe.FlushAsync(context.RequestAborted);

        // A flush hands the bytes to Kestrel, not yet to the socket; an abort right away could drop them.
        await Task.Delay(CutGrace, context.RequestAborted);
        statistics.Cut1();
        context.Abort();
    }

    /// <summary>Waits until <paramref name="due"/> after <paramref name="start"/>, never less.</summary>
    private static Task WaitUntilAsync(long start, TimeSpan due, CancellationToken cancellation) =>
        DueTimeScheduler.Shared.WaitUntilAsync(start + (long)Math.Ceiling(due.TotalSeconds * Stopwatch.Frequency), cancellation);
}
