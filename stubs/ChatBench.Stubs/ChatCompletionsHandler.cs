using System.Diagnostics;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Metrics;
using ChatBench.Stubs.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatBench.Stubs;

/// <summary>
/// Serves <c>POST /v1/chat/completions</c> (and <c>/chat/completions</c>), one check after another: the body limit, the API key, the request itself,
/// the model, the context window, the injected faults; then looks the prompt up in the prefix cache, plans the answer
/// and sends it (<see cref="PlannedAnswer"/>). A refused request never reaches the cache. This runs for every request;
/// keep it lean.
/// </summary>
internal sealed class ChatCompletionsHandler
{
    private readonly LatencyProfile profile;
    private readonly string? apiKey;
    private readonly HashSet<string> models;
    private readonly StubStatistics statistics;
    private readonly ErrorWriter errors;
    private readonly InjectedFaults faults;
    private readonly PlannedAnswer answer;
    private readonly PrefixCache? cache;
    private readonly int contextWindow;
    private readonly StubMetrics? metrics;
    private readonly SeedlessDraws seedless = new();
    private long arrivals;

    public ChatCompletionsHandler(StubOptions options, StubStatistics statistics, StubMetrics? metrics)
    {
        this.metrics = metrics;
        profile = options.Profile;
        var faults = options.Faults;
        apiKey = faults.ApiKey;
        models = new HashSet<string>(options.Models, StringComparer.Ordinal);
        this.statistics = statistics;
        errors = new ErrorWriter(faults.RetryAfter ?? TimeSpan.FromSeconds(profile.TimeScale), statistics);
        BodyLimit = new RequestBodyLimit(options.MaxBodyBytes, errors, statistics);
        this.faults = new InjectedFaults(faults, profile.Seed, statistics);
        cache = options.PrefixCache.Enabled ? new PrefixCache(options.PrefixCache) : null;
        contextWindow = options.ContextWindow;
        var gate = options.Capacity is { } capacity ? new CapacityGate(capacity, profile.TimeScale) : null;
        answer = new PlannedAnswer(new ChatCompletionWriter(faults, statistics), gate, errors, statistics);
    }

    public RequestBodyLimit BodyLimit { get; }

    /// <summary>Answers one request; <paramref name="body"/> is the request body when the caller has read it already.</summary>
    public async Task HandleAsync(HttpContext context, ReadOnlyMemory<byte>? body)
    {
        var start = Stopwatch.GetTimestamp();
        var arrival = Interlocked.Increment(ref arrivals);
        statistics.Began();
        try
        {
            await AnswerAsync(context, body, start, arrival);
        }
        finally
        {
            statistics.Ended();
        }
    }

    private async Task AnswerAsync(HttpContext context, ReadOnlyMemory<byte>? body, long start, long arrival)
    {
        var aborted = context.RequestAborted;
        try
        {
            if (body is null)
            {
                if (await BodyLimit.ReadAsync(context) is not { } read)
                {
                    await BodyLimit.RejectAsync(context);
                    return;
                }

                body = read;
            }

            if (apiKey is not null && ApiKeyRule.Check(apiKey, context.Request.Headers.Authorization.ToString()) is { } authError)
            {
                await errors.RejectAsync(context, authError);
                return;
            }

            // With the cache on, the prompt is tokenized once for both its count and its block keys.
            if (!ChatRequestParser.TryParse(body.Value, out var request, out var parseError, hashBlocks: cache is not null))
            {
                await errors.RejectAsync(context, parseError);
                return;
            }

            if (!models.Contains(request.Model))
            {
                await errors.RejectAsync(context, OpenAIError.UnknownModel(request.Model));
                return;
            }

            if ((long)request.PromptTokens + (request.MaxTokens ?? 0) > contextWindow)
            {
                await errors.RejectAsync(context, OpenAIError.ContextLengthExceeded(contextWindow, request.PromptTokens, request.MaxTokens));
                return;
            }

            var inFlight = statistics.Enter();
            var series = metrics?.For(request.Model);
            series?.Entered();
            try
            {
                if (faults.Refusal(arrival, inFlight) is { } refusal)
                {
                    await errors.RejectAsync(context, refusal);
                    return;
                }

                await faults.StallAsync(aborted);
                var cached = cache?.Admit(request.PromptBlocks.Span, request.PromptTokens) ?? 0;
                statistics.Prompted(request.PromptTokens, cached);
                if (cache is not null)
                {
                    series?.Looked(request.PromptTokens, cached);
                }

                var requestSeed = request.Seed ?? seedless.Next(request.LastUserMessage);
                var plan = profile.Plan(request.LastUserMessage, request.MaxTokens, requestSeed, request.PromptTokens, cached);
                await answer.SendAsync(context, request, plan, start, series);
            }
            finally
            {
                series?.Left();
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
            await errors.FailAsync(context);
        }
    }
}
