using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace ChatBench.Benchmarks.Records;

/// <summary>
/// Names one benchmark case the same way in the benchmark process (from the instance and its parameter members) and in
/// the host (from BenchmarkDotNet's <see cref="BenchmarkCase"/>), so the host finds the records a case wrote.
/// </summary>
public static class CaseKey
{
    public static string Of(object benchmark, string method)
    {
        ArgumentNullException.ThrowIfNull(benchmark);

        // BenchmarkDotNet runs a generated subclass from an assembly of its own; the case is named after the benchmark
        // class, which may inherit its methods from an abstract base.
        var type = benchmark.GetType();
        while (type.Assembly != typeof(CaseKey).Assembly && type.BaseType is { } parent)
        {
            type = parent;
        }

        var parameters = type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsDefined(typeof(ParamsAttribute)) || m.IsDefined(typeof(ParamsSourceAttribute)) || m.IsDefined(typeof(ParamsAllValuesAttribute)))
            .Select(m => (m.Name, Value: m switch
            {
                PropertyInfo p => p.GetValue(benchmark),
                FieldInfo f => f.GetValue(benchmark),
                _ => null,
            }));
        return Format(type.FullName ?? type.Name, method, parameters);
    }

    public static string Of(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var descriptor = benchmarkCase.Descriptor;
        return Format(
            descriptor.Type.FullName ?? descriptor.Type.Name,
            descriptor.WorkloadMethod.Name,
            benchmarkCase.Parameters.Items.Select(p => (p.Name, (object?)p.Value)));
    }

    /// <summary>A file name for a key: readable, and unique through a short hash of the whole key.</summary>
    public static string FileName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var readable = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '=' ? c : '_');
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return $"{readable}-{hash}.jsonl";
    }

    private static string Format(string type, string method, IEnumerable<(string Name, object? Value)> parameters)
    {
        var list = string.Join(
            ",",
            parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
        return $"{type}.{method}({list})";
    }
}
