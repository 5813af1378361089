namespace ChatBench.Tests;

/// <summary>
/// The trait the quick test command filters on: end-to-end runs of the real programs, timing tests and load tests are
/// <see cref="Slow"/>, and the README's quick command leaves them out; <c>dotnet test</c> runs them all.
/// </summary>
public static class TestCategories
{
    public const string Trait = "Category";

    public const string Slow = "Slow";
}
