namespace ChatBench.Stubs.Metrics;

/// <summary>
/// vLLM's metric names begin <c>vllm:</c>, a colon Prometheus allows in names but prometheus-net 8 refuses when a metric
/// is created. The families are registered as <c>vllm_...</c> and the exposition gets its colon back here: at the start
/// of each sample line and after <c># HELP </c> or <c># TYPE </c>, and nowhere else (never in a label value).
/// </summary>
internal static class VllmNamespace
{
    private static ReadOnlySpan<byte> Registered => "vllm_"u8;

    private static ReadOnlySpan<byte> HelpPrefix => "# HELP "u8;

    private static ReadOnlySpan<byte> TypePrefix => "# TYPE "u8;

    /// <summary>Rewrites <c>vllm_</c> to <c>vllm:</c> where a metric name starts, in place.</summary>
    public static void Restore(Span<byte> exposition)
    {
        var line = 0;
        while (line < exposition.Length)
        {
            var rest = exposition[line..];
            var name = rest.StartsWith(HelpPrefix) || rest.StartsWith(TypePrefix) ? HelpPrefix.Length : 0;
            if (rest[name..].StartsWith(Registered))
            {
                rest[name + Registered.Length - 1] = (byte)':';
            }

            var end = rest.IndexOf((byte)'\n');
            line += end < 0 ? rest.Length : end + 1;
        }
    }
}
