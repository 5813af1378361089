using System.CommandLine;
using System.CommandLine.Parsing;

namespace ChatBench.Benchmarks.Options;

/// <summary>
/// One ChatBench option, declared once: its name, its value's help name, its help line, the rule a value must meet and
/// how a valid value sets <see cref="BenchOptions"/>. The System.CommandLine option, the help text and the one-line error
/// all come from here.
/// </summary>
public sealed class BenchOption
{
    private readonly Func<BenchOptions, string, BenchOptions?> apply;

    private BenchOption(Option option, Func<BenchOptions, string, BenchOptions?> apply)
    {
        Option = option;
        this.apply = apply;
    }

    public Option Option { get; }

    public string Name => Option.Name;

    /// <summary>
    /// An option with a value. <paramref name="apply"/> returns null for a value that breaks <paramref name="rule"/>,
    /// which is then the error: <c>option NAME RULE, got 'VALUE'.</c>
    /// </summary>
    public static BenchOption Value(string name, string helpName, string description, string rule, Func<BenchOptions, string, BenchOptions?> apply) =>
        Value(name, helpName, description, _ => rule, apply);

    /// <summary>
    /// An option whose value has parts, so the rule it breaks depends on the value: <paramref name="rule"/> says which
    /// part is wrong and what it needs, in the same error: <c>option NAME RULE, got 'VALUE'.</c>
    /// </summary>
    public static BenchOption Value(string name, string helpName, string description, Func<string, string> rule, Func<BenchOptions, string, BenchOptions?> apply)
    {
        // Zero or one token, so that a missing value is this option's own error rather than System.CommandLine's.
        var option = new Option<string>(name) { HelpName = helpName, Description = description, Arity = ArgumentArity.ZeroOrOne };
        option.Validators.Add(result =>
        {
            var value = Token(result);
            if (value is null)
            {
                result.AddError($"option {name} needs a value; see --help.");
            }
            else if (apply(new BenchOptions(), value) is null)
            {
                result.AddError($"option {name} {rule(value)}, got '{value}'.");
            }
        });
        return new BenchOption(option, apply);
    }

    /// <summary>An option without a value: given means on.</summary>
    public static BenchOption Flag(string name, string description, Func<BenchOptions, BenchOptions> apply) =>
        new(new Option<bool>(name) { Description = description, Arity = ArgumentArity.Zero }, (options, _) => apply(options));

    /// <summary>Whether the command line gave this option.</summary>
    public bool IsGiven(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(Option) is { Implicit: false };
    }

    /// <summary>The options with this one's value applied, when the command line gave it (already validated).</summary>
    public BenchOptions ApplyTo(BenchOptions options, ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GetResult(Option) is not { Implicit: false } given)
        {
            return options;
        }

        return apply(options, Token(given) ?? string.Empty) ?? throw new InvalidOperationException($"{Name} was validated but does not apply.");
    }

    /// <summary>The value given, or null when none was (the next word was another option).</summary>
    private static string? Token(OptionResult result) =>
        result.Tokens.Count > 0 && !result.Tokens[^1].Value.StartsWith("--", StringComparison.Ordinal) ? result.Tokens[^1].Value : null;
}
