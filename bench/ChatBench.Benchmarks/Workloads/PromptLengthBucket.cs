using System.Globalization;

namespace ChatBench.Benchmarks.Workloads;

/// <summary>The class of a workload request that names none: its prompt-token bucket, in powers of four.</summary>
public static class PromptLengthBucket
{
    private static readonly int[] Bounds = [16, 64, 256, 1024, 4096];

    public static string Of(int promptTokens)
    {
        var lower = 0;
        foreach (var upper in Bounds)
        {
            if (promptTokens <= upper)
            {
                return string.Create(CultureInfo.InvariantCulture, $"tokens {lower}-{upper}");
            }

            lower = upper + 1;
        }

        return string.Create(CultureInfo.InvariantCulture, $"tokens {lower}+");
    }
}
