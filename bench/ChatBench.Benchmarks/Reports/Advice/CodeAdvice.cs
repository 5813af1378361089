using System.Globalization;
using System.Text;
using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>
/// "What this means for your code", the top of SUMMARY.md: what a .NET developer calling an LLM API should do, each
/// piece one sentence computed from this folder's results, with its figures and the section they come from. A piece
/// whose data are missing is left out, and a piece says what the data say, also when that is "no difference".
/// </summary>
public static class CodeAdvice
{
    public const string Heading = "What this means for your code";

    private static readonly Func<AdviceSource, AdviceItem?>[] Pieces =
    [
        ConcurrencyAdvice.SeedScenario,
        StreamingAdvice.FirstToken,
        ConcurrencyAdvice.FanOut,
        RateLimitAdvice.Bounded,
        RateLimitAdvice.RetryAfter,
        ClientAdvice.Blocking,
        ClientAdvice.SharedClient,
        ClientAdvice.HttpVersion,
    ];

    public static IReadOnlyList<AdviceItem> For(IReadOnlyList<ResultsFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var source = new AdviceSource(files);
        return [.. Pieces.Select(piece => piece(source)).OfType<AdviceItem>()];
    }

    /// <summary>The section, or nothing when no piece has its data.</summary>
    public static void Append(StringBuilder page, IReadOnlyList<ResultsFile> files)
    {
        ArgumentNullException.ThrowIfNull(page);
        var advice = For(files);
        if (advice.Count == 0)
        {
            return;
        }

        page.Append(CultureInfo.InvariantCulture, $"## {Heading}\n\n");
        if (files.Select(f => f.Run).FirstOrDefault(r => r.TimeScale is not null and not 1.0) is { } scaled)
        {
            page.Append(CultureInfo.InvariantCulture, $"Times below are from the embedded stub at time scale {scaled.TimeScale}: its simulated latencies are {scaled.TimeScale} times a provider's while the client's own costs are not, so overheads and the efficiencies they cost weigh up to {1 / scaled.TimeScale:0.#} times more here than against a provider.\n\n");
        }

        foreach (var item in advice)
        {
            page.Append(CultureInfo.InvariantCulture, $"- {item.Sentence} ([{item.Section}](#{MarkdownAnchor.For(item.Section)}))\n");
        }

        page.Append('\n');
    }
}
