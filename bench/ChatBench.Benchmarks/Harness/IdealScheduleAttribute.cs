namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// Tells the reports how a benchmark method schedules its requests. For <see cref="ScheduleKind.Bounded"/>, the number
/// of workers is the value of the parameter named <see cref="WorkersParameter"/>, or <see cref="Workers"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdealScheduleAttribute(ScheduleKind kind) : Attribute
{
    public ScheduleKind Kind { get; } = kind;

    public string? WorkersParameter { get; init; }

    public int Workers { get; init; }
}
