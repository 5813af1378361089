using System.CommandLine;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Stubs.Hosting;

/// <summary>Options with a range or format check whose error names the option and the value it was given.</summary>
internal static class ValidatedOption
{
    /// <summary>Adds a range or format check whose error names the option and the value given.</summary>
    public static Option<T> Checked<T>(Option<T> option, Func<T?, bool> valid, string rule)
    {
        option.Validators.Add(result =>
        {
            T? value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                // Not a T at all: System.CommandLine reports that itself, naming the option.
                return;
            }

            if (result.Tokens.Count > 0 && !valid(value))
            {
                result.AddError($"option {option.Name} {rule}, got '{result.Tokens[^1].Value}'.");
            }
        });
        return option;
    }

    public static Option<int> Ranged(string name, string helpName, string description, int defaultValue, int min, int max) => Checked(
        new Option<int>(name) { HelpName = helpName, Description = description, DefaultValueFactory = _ => defaultValue },
        v => v >= min && v <= max,
        max == int.MaxValue ? $"needs a whole number of {min} or more" : $"needs a whole number from {min} to {max}");

    public static Option<double> Positive(string name, string helpName, string description, double defaultValue) => Checked(
        new Option<double>(name) { HelpName = helpName, Description = description, DefaultValueFactory = _ => defaultValue },
        v => v > 0 && double.IsFinite(v),
        "needs a positive number");

    public static Option<string> OneOf(string name, string description, string defaultValue, string other) => Checked(
        new Option<string>(name) { HelpName = $"{defaultValue}|{other}", Description = description, DefaultValueFactory = _ => defaultValue },
        v => v == defaultValue || v == other,
        $"must be '{defaultValue}' or '{other}'");

    /// <summary>A recorded latency profile: a file the stub cannot replay is an error naming it and why.</summary>
    public static Option<string?> RecordedProfileOption()
    {
        var option = new Option<string?>("--profile") { HelpName = "FILE", Description = "replay a recorded latency profile (results/latency-profile.json) instead of the latency model" };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            try
            {
                _ = RecordedProfileFile.Read(result.Tokens[^1].Value);
            }
            catch (InvalidDataException e)
            {
                result.AddError($"option --profile: {e.Message}.");
            }
        });
        return option;
    }
}
