namespace ChatBench.Tests.Bench;

/// <summary>Sets environment variables for one test and puts the previous values back, so tests do not leak them.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly Dictionary<string, string?> previous = [];

    public EnvironmentVariableScope Set(string name, string? value)
    {
        previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
