using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Stubs;

public sealed class AnswerTokenizerTests
{
    [Fact]
    public void Every_default_answer_is_reproduced_exactly_by_its_tokens()
    {
        foreach (var rule in DefaultPromptRules.All)
        {
            Assert.Equal(rule.Answer, string.Concat(rule.Tokens));
        }
    }

    [Fact]
    public void The_classic_questions_get_a_long_and_a_short_answer()
    {
        var profile = LatencyProfile.Default;
        var longPlan = profile.Plan(DefaultPromptRules.LongQuestion);
        var shortPlan = profile.Plan(DefaultPromptRules.ShortQuestion);

        Assert.InRange(longPlan.CompletionTokens, 130, 170);
        Assert.InRange(shortPlan.CompletionTokens, 2, 10);
        Assert.Contains("Gretzky", longPlan.Content, StringComparison.Ordinal);
        Assert.Equal("2 + 2 = 4.", shortPlan.Content);
    }
}
