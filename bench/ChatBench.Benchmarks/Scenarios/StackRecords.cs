using ChatBench.Benchmarks.Records;

namespace ChatBench.Benchmarks.Scenarios;

/// <summary>
/// The records of the client stacks that do not return the SDK's <c>ChatCompletion</c>: the same fields and the same
/// rules as <see cref="ChatCall"/> (an empty answer is a failure, usage is the server's).
/// </summary>
public static class StackRecords
{
    public static RequestRecord Answered(PlannedPrompt prompt, double start, double end, string? content, int? outputTokens)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new RequestRecord
        {
            Index = prompt.Index,
            PromptClass = prompt.PromptClass,
            StartMs = start,
            LastTokenMs = end,
            EndMs = end,
            OutputTokens = outputTokens,
            Outcome = string.IsNullOrEmpty(content) ? "empty answer" : RequestRecord.Ok,
            ExpectedTtftMs = prompt.Plan?.TimeToFirstToken.TotalMilliseconds,
            ExpectedTotalMs = prompt.Plan?.Total.TotalMilliseconds,
        };
    }

    public static RequestRecord Failed(PlannedPrompt prompt, double start, double end, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(exception);
        return new RequestRecord
        {
            Index = prompt.Index,
            PromptClass = prompt.PromptClass,
            StartMs = start,
            EndMs = end,
            Outcome = exception is HttpRequestException { StatusCode: { } status } ? $"http {(int)status}" : ChatCall.OutcomeOf(exception),
            ExpectedTtftMs = prompt.Plan?.TimeToFirstToken.TotalMilliseconds,
            ExpectedTotalMs = prompt.Plan?.Total.TotalMilliseconds,
        };
    }
}
