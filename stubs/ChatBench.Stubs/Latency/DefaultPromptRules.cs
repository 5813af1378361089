using System.Text.RegularExpressions;

namespace ChatBench.Stubs.Latency;

/// <summary>
/// The default prompt classes: the two classic questions with realistic answers, then any other short prompt, then any
/// other prompt. The first rule that matches wins.
/// </summary>
internal static class DefaultPromptRules
{
    public const string LongQuestion = "List the 5 most famous hockey players of the 20th century.";
    public const string ShortQuestion = "What is 2+2?";

    /// <summary>Prompts up to this many characters that no content rule takes get the short generic answer.</summary>
    public const int ShortPromptMaxLength = 80;

    public static IReadOnlyList<PromptRule> All { get; } = Create(ShortPromptMaxLength);

    /// <summary>The default rules with another boundary between short and long generic prompts.</summary>
    public static IReadOnlyList<PromptRule> WithShortPromptMaxLength(int maxLength) => Create(maxLength);

    /// <summary>The short-prompt boundary of these default rules, whatever it was set to; null for rules of another kind.</summary>
    public static int? ShortPromptMaxLengthOf(IReadOnlyList<PromptRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count != All.Count)
        {
            return null;
        }

        int? boundary = null;
        for (var i = 0; i < rules.Count; i++)
        {
            var (ours, theirs) = (All[i], rules[i]);
            if (ours.Name != theirs.Name || ours.Answer != theirs.Answer || ours.Pattern?.ToString() != theirs.Pattern?.ToString()
                || ours.MaxPromptLength.HasValue != theirs.MaxPromptLength.HasValue)
            {
                return null;
            }

            boundary ??= theirs.MaxPromptLength;
        }

        return boundary;
    }

    private static PromptRule[] Create(int shortPromptMaxLength) =>
    [
        new(
            "hockey-players",
            """
            Here are five of the most famous hockey players of the 20th century:

            1. **Wayne Gretzky** - "The Great One" holds the NHL records for career goals, assists and points, and won four Stanley Cups.
            2. **Gordie Howe** - "Mr. Hockey" played across five decades, known for scoring and strength.
            3. **Bobby Orr** - He changed the role of the defenceman with end-to-end rushes.
            4. **Mario Lemieux** - A brilliant scorer who won two Stanley Cups with Pittsburgh.
            5. **Maurice "Rocket" Richard** - The first player to score 50 goals in 50 games.
            """,
            pattern: new Regex(@"\bhockey players\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        new(
            "two-plus-two",
            "2 + 2 = 4.",
            pattern: new Regex(@"\bwhat is 2\s*\+\s*2\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        new(
            "short",
            "Sure. The short answer is yes: it works the way you expect, with no extra steps needed.",
            maxPromptLength: shortPromptMaxLength),
        new(
            "long",
            """
            Here is a detailed answer.

            First, it helps to separate the question into its parts: what has to happen, in which order, and what can run at the same time. Work that waits on the network, such as a call to a language model, spends almost all of its time waiting, not computing.

            Second, when several independent requests are sent one after the other, the total time is the sum of their latencies. When they are sent concurrently, the total time is close to the latency of the slowest one, as long as the client, the network and the server have capacity to spare.

            Third, capacity is finite. Providers limit requests and tokens per minute, so a well-behaved client bounds its concurrency, honours Retry-After, and backs off with jitter.

            In short: send independent requests concurrently, bound the concurrency to what the provider allows, and measure.
            """),
    ];
}
