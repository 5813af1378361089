namespace ChatBench.Benchmarks.Harness;

/// <summary>Categories for <c>--allCategories</c> / <c>--anyCategories</c>. The default suite runs all but <see cref="Heavy"/>.</summary>
public static class BenchmarkCategories
{
    public const string Seed = "seed";
    public const string Batch = "batch";
    public const string Streaming = "streaming";
    public const string RateLimit = "ratelimit";
    public const string ClientStack = "clientstack";
    public const string Stub = "stub";
    public const string OpenLoop = "openloop";
    public const string Floor = "floor";
    public const string Conversation = "conversation";

    /// <summary>Cases too long for the five-minute default suite; run them with <c>--allCategories heavy</c>.</summary>
    public const string Heavy = "heavy";
}
