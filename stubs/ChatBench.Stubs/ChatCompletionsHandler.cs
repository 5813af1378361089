using System.Diagnostics;
using System.Globalization;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// Serves <c>POST /v1/chat/completions</c>: reads and checks the request, applies the faults, plans the answer and
/// hands it to <see cref="ChatCompletionWriter"/>. This runs for every request; keep it lean.
/// </summary>
internal sealed class ChatCompletionsHandler
{
    private readonly LatencyProfile profile;
    private readonly StubFaults faults;
    private readonly HashSet<string> models;
    private readonly StubStatistics statistics;
    private readonly ChatCompletionWriter writer;
    private readonly string retryAfterSeconds;
    private readonly string retryAfterMilliseconds;
    private readonly long maxBodyBytes;
    private readonly CapacityGate? capacityGate;
    private long arrivals;

    public ChatCompletionsHandler(LatencyProfile profile, StubFaults faults, IEnumerable<string> models, StubStatistics statistics, long maxBodyBytes, CapacityModel? capacity = null)
    {
        this.profile = profile;
        capacityGate = capacity is null ? null : new CapacityGate(capacity, profile.TimeScale);
        this.maxBodyBytes = maxBodyBytes;
        this.faults = faults;
        this.models = new HashSet<string>(models, StringComparer.Ordinal);
        this.statistics = statistics;
        writer = new ChatCompletionWriter(faults, statistics);
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

                var plan = profile.Plan(request.LastUserMessage, request.MaxTokens, request.Seed, request.PromptTokens);
                if (plan.Fault is { } fault && await ReplayedFaults.AnswerAsync(context, request.Stream, fault, plan, start, RejectAsync))
                {
                    if (fault.Kind is ErrorKinds.Timeout or ErrorKinds.Cut)
                    {
                        statistics.Cut1();
                    }

                    return;
                }

                await (capacityGate is null
                    ? writer.WriteAsync(context, request, plan, start, context.Request.Headers.ContainsKey(StubTiming.RequestHeader))
                    : capacityGate.ServeAsync(context, request, plan, writer));
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
        catch (Exception)
        {
            // Whatever failed, the client must get OpenAI's 500, never the exception's text.
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
        if (error.Status == 429)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds;
            context.Response.Headers["retry-after-ms"] = retryAfterMilliseconds;
        }

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

    private double DeterministicDraw(long arrival) => DeterministicJitter.Uniform(profile.Seed ^ 0x5EED_FA17, (int)arrival);
}
