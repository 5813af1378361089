namespace ChatBench.Stubs.Latency.Recorded;

/// <summary>Answers of any length for replayed classes: the long default answer repeated until it has enough tokens.</summary>
internal static class ReplayAnswers
{
    public static PromptRule Rule(string name, int tokens)
    {
        var paragraph = DefaultPromptRules.All[^1].Answer;
        var perParagraph = AnswerTokenizer.Count(paragraph + "\n\n");
        var answer = string.Join("\n\n", Enumerable.Repeat(paragraph, (tokens / perParagraph) + 1));
        return new PromptRule(name, answer);
    }
}
