namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>Failed requests of the recording run by kind (<see cref="ErrorKinds"/>), out of <see cref="Requests"/>.</summary>
public sealed record RecordedErrors
{
    /// <summary>Every request of the recording run, failed or not.</summary>
    public required int Requests { get; init; }

    /// <summary>The failures by kind, keyed by the kind's name.</summary>
    public IReadOnlyDictionary<string, RecordedErrorKind> Kinds { get; init; } = new Dictionary<string, RecordedErrorKind>();

    internal double RateOf(string kind) => Kinds.TryGetValue(kind, out var k) ? k.Rate : 0;
}
