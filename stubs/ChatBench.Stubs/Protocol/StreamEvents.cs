namespace ChatBench.Stubs.Protocol;

/// <summary>
/// The fixed parts of a <c>chat.completion.chunk</c> stream, as UTF-8 constants: each event is the completion's chunk
/// prefix (<see cref="CompletionIdentity.ChunkPrefix"/>) followed by one of these tails, and the stream ends with
/// <see cref="Done"/>.
/// </summary>
internal static class StreamEvents
{
    public static ReadOnlySpan<byte> RoleTail =>
        "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}\n\n"u8;

    /// <summary>Before a token's JSON-encoded text, which <see cref="ContentTail"/> follows.</summary>
    public static ReadOnlySpan<byte> ContentMiddle => "{\"index\":0,\"delta\":{\"content\":\""u8;

    public static ReadOnlySpan<byte> ContentTail => "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"u8;

    public static ReadOnlySpan<byte> Done => "data: [DONE]\n\n"u8;

    public static ReadOnlySpan<byte> FinishTail(string finishReason) => finishReason == "length"
        ? "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"length\"}]}\n\n"u8
        : "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n"u8;
}
