namespace ChatBench.Stubs;

/// <summary>How a chat-completions request reaches the stub's handler.</summary>
public enum StubPipeline
{
    /// <summary>
    /// A middleware put in front of WireMock.Net's own (through its <c>PreWireMockMiddlewareInit</c> hook): chat
    /// requests skip mapping, matching and request logging. Everything else still goes through WireMock mappings.
    /// </summary>
    FastPath,

    /// <summary>A WireMock.Net mapping with a custom response provider: the library's full per-request pipeline.</summary>
    WireMockMapping,
}
