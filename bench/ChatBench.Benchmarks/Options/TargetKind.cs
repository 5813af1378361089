namespace ChatBench.Benchmarks.Options;

public enum TargetKind
{
    /// <summary>The embedded ChatBench stub, started by the host process.</summary>
    Stub,

    /// <summary>Any OpenAI-compatible endpoint, the AIML API by default.</summary>
    Live,
}
