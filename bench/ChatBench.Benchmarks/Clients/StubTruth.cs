using System.ClientModel.Primitives;
using System.Globalization;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// What a stub with finite capacity says about one request in its response headers: how long it queued for a slot and
/// its planned time to first token and service time from admission, in milliseconds. A per-try pipeline policy fills
/// the holder that the calling request put in an <see cref="AsyncLocal{T}"/>, which flows into the SDK's pipeline.
/// </summary>
public sealed class StubTruth
{
    private static readonly AsyncLocal<StubTruth?> Current = new();

    public double? QueueMs { get; private set; }

    public double? TtftMs { get; private set; }

    public double? ServiceMs { get; private set; }

    /// <summary>The policy to add to a client's options at <see cref="PipelinePosition.PerTry"/>.</summary>
    public static PipelinePolicy Policy { get; } = new HeaderPolicy();

    /// <summary>A holder for the request about to be sent from this async flow.</summary>
    public static StubTruth Capture()
    {
        var truth = new StubTruth();
        Current.Value = truth;
        return truth;
    }

    private void Read(PipelineResponse? response)
    {
        if (response is null)
        {
            return;
        }

        QueueMs = Header(response, "x-stub-queue-ms");
        TtftMs = Header(response, "x-stub-ttft-ms");
        ServiceMs = Header(response, "x-stub-service-ms");
    }

    private static double? Header(PipelineResponse response, string name) =>
        response.Headers.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class HeaderPolicy : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            ArgumentNullException.ThrowIfNull(message);
            ProcessNext(message, pipeline, currentIndex);
            Current.Value?.Read(message.Response);
        }

        public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            ArgumentNullException.ThrowIfNull(message);
            await ProcessNextAsync(message, pipeline, currentIndex);
            Current.Value?.Read(message.Response);
        }
    }
}
