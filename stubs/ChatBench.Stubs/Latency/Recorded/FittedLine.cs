namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>y = intercept + slope x, fitted by least squares over <see cref="Samples"/> points.</summary>
public sealed record FittedLine(double InterceptMs, double SlopeMsPerToken, int Samples)
{
    internal static FittedLine Fit(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return new FittedLine(0, 0, 0);
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));

        // One prompt length only: no slope can be told, the line is flat at the mean.
        var slope = sxx == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx;
        return new FittedLine(meanY - (slope * meanX), slope, points.Count);
    }

    internal double At(double x) => InterceptMs + (SlopeMsPerToken * x);
}
