using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// Serves <c>POST /v1/chat/completions</c>: checks the faults, plans the answer and writes it on schedule. Writes go
/// straight to the response pipe, so this is the part of the stub that costs CPU per request; keep it lean.
/// </summary>
internal sealed class ChatCompletionsHandler
{
    private static readonly byte[] RoleEventTail =
        "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}\n\n"u8.ToArray();

    private static readonly byte[] ContentEventMiddle = "{\"index\":0,\"delta\":{\"content\":\""u8.ToArray();
    private static readonly byte[] ContentEventTail = "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();
    private static readonly TimeSpan CutGrace = TimeSpan.FromMilliseconds(20);

    private readonly LatencyProfile profile;
    private readonly StubFaults faults;
    private readonly HashSet<string> models;
    private readonly StubStatistics statistics;
    private readonly string retryAfterSeconds;
    private readonly string retryAfterMilliseconds;
    private readonly long maxBodyBytes;
    private long arrivals;

    public ChatCompletionsHandler(LatencyProfile profile, StubFaults faults, IEnumerable<string> models, StubStatistics statistics, long maxBodyBytes)
    {
        this.profile = profile;
        this.maxBodyBytes = maxBodyBytes;
        this.faults = faults;
        this.models = new HashSet<string>(models, StringComparer.Ordinal);
        this.statistics = statistics;
        var retryAfter = faults.RetryAfter ?? TimeSpan.FromSeconds(profile.TimeScale);
        retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        retryAfterMilliseconds = Math.Max(0, (long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// For the WireMock pipeline, which reads the body itself: refuses a body over the limit with 413 before WireMock
    /// buffers it, and hands WireMock the bytes read. False when the request is already answered (or gone).
    /// </summary>
    public async Task<bool> BufferBodyAsync(HttpContext context)
    {
        try
        {
            if (await RequestBodyReader.ReadAsync(context.Request, maxBodyBytes, context.RequestAborted) is { } body)
            {
                context.Request.Body = new MemoryStream(body, writable: false);
                return true;
            }

            statistics.Received1();
            await RejectAsync(context, OpenAIError.RequestTooLarge(maxBodyBytes));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException || context.RequestAborted.IsCancellationRequested)
        {
            statistics.Received1();
            statistics.Abandoned1();
        }

        return false;
    }

    /// <summary>Answers one request; <paramref name="body"/> is the request body when the caller has read it already.</summary>
    public async Task HandleAsync(HttpContext context, ReadOnlyMemory<byte>? body)
    {
        var start = Stopwatch.GetTimestamp();
        var arrival = Interlocked.Increment(ref arrivals);
        statistics.Received1();
        var aborted = context.RequestAborted;
        try
        {
            if (body is null)
            {
                if (await RequestBodyReader.ReadAsync(context.Request, maxBodyBytes, aborted) is not { } read)
                {
                    await RejectAsync(context, OpenAIError.RequestTooLarge(maxBodyBytes));
                    return;
                }

                body = read;
            }

            if (Authorize(context.Request) is { } authError)
            {
                await RejectAsync(context, authError);
                return;
            }

            if (!ChatRequestParser.TryParse(body.Value, out var request, out var parseError))
            {
                await RejectAsync(context, parseError);
                return;
            }

            if (!models.Contains(request.Model))
            {
                await RejectAsync(context, OpenAIError.UnknownModel(request.Model));
                return;
            }

            var inFlight = statistics.Enter();
            try
            {
                if (faults.MaxConcurrency is { } capacity && inFlight > capacity)
                {
                    context.Response.Headers.RetryAfter = retryAfterSeconds;
                    context.Response.Headers["retry-after-ms"] = retryAfterMilliseconds;
                    await RejectAsync(context, OpenAIError.RateLimited(capacity));
                    return;
                }

                if (faults.ErrorRate > 0 && DeterministicDraw(arrival) < faults.ErrorRate)
                {
                    await RejectAsync(context, OpenAIError.ServerError());
                    return;
                }

                if (faults.StallBeforeFirstByte is { } stall)
                {
                    statistics.Stalled1();
                    await Task.Delay(stall, aborted);
                }

                var plan = profile.Plan(request.LastUserMessage, request.MaxTokens, request.Seed);
                var identity = new CompletionIdentity(request.Model);
                if (request.Stream)
                {
                    await StreamAsync(context, request, plan, identity, start);
                }
                else
                {
                    await WaitUntilAsync(start, plan.Total, aborted);
                    await WriteCompletionAsync(context, request, plan, identity);
                }
            }
            finally
            {
                statistics.Leave();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException || aborted.IsCancellationRequested)
        {
            // The client went away (a timeout, a cancelled run): nothing left to answer.
            statistics.Abandoned1();
        }
#pragma warning disable CA1031 // Whatever failed, the client must get OpenAI's 500, never the exception's text.
        catch (Exception)
#pragma warning restore CA1031
        {
            await FailAsync(context);
        }
    }

    private async Task FailAsync(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            // Half an answer cannot become an error any more: cut it, as a server that crashed mid-stream would.
            statistics.Rejected(500);
            context.Abort();
            return;
        }

        context.Response.Clear();
        try
        {
            await RejectAsync(context, OpenAIError.ServerError());
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            statistics.Abandoned1();
        }
    }

    private Task RejectAsync(HttpContext context, OpenAIError error)
    {
        statistics.Rejected(error.Status);
        return WriteErrorAsync(context, error);
    }

    private static async Task WriteErrorAsync(HttpContext context, OpenAIError error)
    {
        var json = error.ToJsonBytes();
        var response = context.Response;
        response.StatusCode = error.Status;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted);
    }

    private OpenAIError? Authorize(HttpRequest request)
    {
        if (faults.ApiKey is not { } key)
        {
            return null;
        }

        var header = request.Headers.Authorization.ToString();
        OpenAIError? error = null;
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length == "Bearer ".Length)
        {
            error = OpenAIError.MissingApiKey();
        }
        else if (!string.Equals(header["Bearer ".Length..].Trim(), key, StringComparison.Ordinal))
        {
            error = OpenAIError.InvalidApiKey();
        }

        return error;
    }

    private async Task WriteCompletionAsync(HttpContext context, ChatRequest request, ResponsePlan plan, CompletionIdentity identity)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        ChatCompletionJson.WriteCompletion(buffer, identity, plan.Content, plan.FinishReason, request.PromptTokens, plan.CompletionTokens);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.BodyWriter.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        statistics.Succeeded1();
    }

    private async Task StreamAsync(HttpContext context, ChatRequest request, ResponsePlan plan, CompletionIdentity identity, long start)
    {
        var aborted = context.RequestAborted;
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        var pipe = response.BodyWriter;
        var prefix = identity.ChunkPrefix();
        var cutAfter = faults.CutStreamAfterEvents ?? int.MaxValue;

        // Like vLLM and OpenAI, the role event goes out before any content; it does not count as the first token.
        pipe.Write(prefix);
        pipe.Write(RoleEventTail);
        await pipe.FlushAsync(aborted);
        var events = 1;

        var tokens = plan.Rule.EncodedTokens;
        var unflushed = false;
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
                return;
            }

            pipe.Write(prefix);
            pipe.Write(ContentEventMiddle);
            pipe.Write(tokens[i]);
            pipe.Write(ContentEventTail);
            unflushed = true;
            events++;
        }

        if (events >= cutAfter)
        {
            await CutAsync(context, pipe);
            return;
        }

        pipe.Write(prefix);
        pipe.Write(FinishEventTail(plan.FinishReason));
        if (request.IncludeUsage)
        {
            pipe.Write(prefix);
            ChatCompletionJson.WriteUsageChunkTail(pipe, request.PromptTokens, plan.CompletionTokens);
        }

        pipe.Write(Done);
        await pipe.FlushAsync(aborted);
        statistics.Succeeded1();
    }

    private async Task CutAsync(HttpContext context, PipeWriter pipe)
    {
        await pipe.FlushAsync(context.RequestAborted);

        // A flush hands the bytes to Kestrel, not yet to the socket; an abort right away could drop them.
        await Task.Delay(CutGrace, context.RequestAborted);
        statistics.Cut1();
        context.Abort();
    }

    private static ReadOnlySpan<byte> FinishEventTail(string finishReason) => finishReason == "length"
        ? "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"length\"}]}\n\n"u8
        : "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n"u8;

    private double DeterministicDraw(long arrival) => DeterministicJitter.Uniform(profile.Seed ^ 0x5EED_FA17, (int)arrival);

    /// <summary>Waits until <paramref name="due"/> after <paramref name="start"/>, never less.</summary>
    private static Task WaitUntilAsync(long start, TimeSpan due, CancellationToken cancellation) =>
        DueTimeScheduler.Shared.WaitUntilAsync(start + (long)Math.Ceiling(due.TotalSeconds * Stopwatch.Frequency), cancellation);
}
