namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>One piece of advice: a sentence carrying its figures, and the summary section those figures come from.</summary>
public sealed record AdviceItem(string Sentence, string Section);
