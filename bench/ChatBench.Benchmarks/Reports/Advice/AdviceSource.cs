using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>The results a piece of advice reads: successful cases found by benchmark class, method and parameters.</summary>
public sealed class AdviceSource(IReadOnlyList<ResultsFile> files)
{
    /// <summary>The heading that shows a benchmark class: its section's, else its own under "Other benchmarks".</summary>
    public string SectionOf(string benchmark) =>
        files.FirstOrDefault(f => f.Benchmark.Name == benchmark)?.Benchmark.Summary?.Heading ?? benchmark;

    /// <summary>A case that succeeded and has a mean, or null.</summary>
    public CaseResult? Case(string benchmark, string method, params (string Name, string Value)[] parameters) =>
        Cases(benchmark, method).FirstOrDefault(c => parameters.All(p => c.Parameters.TryGetValue(p.Name, out var value) && value == p.Value));

    /// <summary>The class's baseline case, when it succeeded.</summary>
    public CaseResult? Baseline(string benchmark) =>
        files.Where(f => f.Benchmark.Name == benchmark).SelectMany(f => f.Cases).FirstOrDefault(c => c.Baseline && c.Success && c.MeanMs is > 0);

    /// <summary>Every case of a method that succeeded and has a mean, over every file of the class.</summary>
    public IEnumerable<CaseResult> Cases(string benchmark, string method) =>
        files.Where(f => f.Benchmark.Name == benchmark).SelectMany(f => f.Cases).Where(c => c.Method == method && c.Success && c.MeanMs is > 0);

    /// <summary>Two methods' cases at the largest value of a numeric parameter that both were measured at.</summary>
    public (CaseResult Case, CaseResult Other, double Size)? AtLargest(string benchmark, string method, string other, string parameter) =>
        Cases(benchmark, method)
            .Select(c => (Case: c, Size: c.NumericParameter(parameter)))
            .Where(c => c.Size is not null)
            .OrderByDescending(c => c.Size)
            .Select(c => (c.Case, Other: Cases(benchmark, other).FirstOrDefault(o => o.NumericParameter(parameter) == c.Size), Size: c.Size!.Value))
            .Where(c => c.Other is not null)
            .Select(c => ((CaseResult, CaseResult, double)?)(c.Case, c.Other!, c.Size))
            .FirstOrDefault();
}
