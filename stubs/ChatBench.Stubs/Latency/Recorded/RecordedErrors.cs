namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>Failed requests of the recording run by kind (<see cref="ErrorKinds"/>), out of <see cref="Requests"/>.</summary>
public sealed record RecordedErrors
{
    public required int Requests { get; init; }

    public IReadOnlyDictionary<string, RecordedErrorKind> Kinds { get; init; } = new Dictionary<string, RecordedErrorKind>();

    public double RateOf(string kind) => Kinds.TryGetValue(kind, out var k) ? k.Rate : 0;
}
