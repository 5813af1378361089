using System.ClientModel;
using System.Diagnostics;
using OpenAI;
using OpenAI.Chat;

// Usage: SeedExample [--base-url URL] [--model NAME]. The AIML API serves https://api.aimlapi.com and .../v1 alike;
// the SDK appends /chat/completions to whichever it is given.
var settings = new Dictionary<string, string>
{
    ["--base-url"] = Environment.GetEnvironmentVariable("AIMLAPI_BASE_URL") ?? "https://api.aimlapi.com",
    ["--model"] = "gpt-4o",
};
for (var i = 0; i < args.Length; i += 2)
{
    if (!settings.ContainsKey(args[i]) || i + 1 == args.Length)
    {
        return Fail($"'{args[i]}' is not an option or has no value; use [--base-url URL] [--model NAME]");
    }

    settings[args[i]] = args[i + 1];
}

if (!Uri.TryCreate(settings["--base-url"], UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
{
    return Fail($"--base-url needs an absolute http or https URL such as https://api.aimlapi.com, not '{settings["--base-url"]}'");
}

// The key is read, never printed. A local stub accepts any key unless started with --api-key, so without one a
// placeholder is sent.
var key = Environment.GetEnvironmentVariable("AIMLAPI_API_KEY") ?? "no-key-set";

// One client for the whole program: it is thread-safe and reuses its connections.
var client = new ChatClient(settings["--model"], new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = baseUrl });
const string LongQuestion = "List the 5 most famous hockey players of the 20th century.";
const string ShortQuestion = "What is 2+2?";

try
{
    // One untimed request first: the connection and the SDK's start-up are paid here, not by the first timed part
    // (the seed's two Python programs each paid them in a process of their own).
    await client.CompleteChatAsync(new UserChatMessage(ShortQuestion));

    Console.WriteLine("One after the other:");
    var clock = Stopwatch.StartNew();
    await Ask(LongQuestion, clock);
    await Ask(ShortQuestion, clock);
    var sequential = clock.Elapsed;

    // Like asyncio.gather: both requests are in flight at once, and each answer is printed when it arrives.
    Console.WriteLine("Concurrently:");
    clock.Restart();
    await Task.WhenAll(Ask(LongQuestion, clock), Ask(ShortQuestion, clock));
    var concurrent = clock.Elapsed;

    Console.WriteLine($"Total one after the other: {sequential.TotalMilliseconds:F0} ms");
    Console.WriteLine($"Total concurrently: {concurrent.TotalMilliseconds:F0} ms");
    return 0;
}
catch (Exception e) when (e is ClientResultException or AggregateException { InnerException: ClientResultException })
{
    // The SDK retries a failed request three times, then throws the attempts' errors together.
    var error = e as ClientResultException ?? (ClientResultException)e.InnerException!;
    var hint = error.Status == 401 ? " (set AIMLAPI_API_KEY to your key)" : string.Empty;
    return Fail($"{baseUrl} {(error.Status > 0 ? $"answered {error.Status}" : "did not answer")}{hint}: {error.Message.ReplaceLineEndings(" ")}", exitCode: 1);
}

async Task Ask(string question, Stopwatch clock)
{
    ChatCompletion answer = await client.CompleteChatAsync(new UserChatMessage(question));
    Console.WriteLine($"[{clock.Elapsed.TotalMilliseconds:F0} ms] {question}\n{answer.Content.FirstOrDefault()?.Text ?? "(no text)"}\n");
}

static int Fail(string reason, int exitCode = 2)
{
    Console.Error.WriteLine($"error: {reason}");
    return exitCode;
}
