using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;
using ChatBench.Stubs;
using ChatBench.Stubs.Faults;

namespace ChatBench.Tests.Bench;

/// <summary>Every way a run can be refused, refused before any benchmark starts, with its exit code and one line.</summary>
[Collection(ProcessWideState.Name)]
public sealed class BenchCommandLineTests
{
    [Theory]
    [InlineData("--target", "moon")]
    [InlineData("--time-scale", "-1")]
    [InlineData("--time-scale", "fast")]
    [InlineData("--max-requests", "0")]
    [InlineData("--base-url", "ftp://example")]
    [InlineData("--arrival", "gamma:0")]
    [InlineData("--arrival", "bursty")]
    [InlineData("--rates", "10,-5")]
    [InlineData("--slo", "ttft=fast")]
    [InlineData("--slo", "ttft=1s,ttft=2s")]
    [InlineData("--max-error-rate", "1.5")]
    public void A_malformed_option_is_a_one_line_error_naming_it(string option, string value)
    {
        var (exit, output, errors) = Run(option, value);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith($"error: option {option}", errors, StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.DoesNotContain("Plan:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_neither_ChatBench_nor_BenchmarkDotNet_knows_is_rejected()
    {
        var (exit, _, errors) = Run("--frobnicate");

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("frobnicate", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_run_without_a_key_names_the_variable_and_starts_nothing()
    {
        using var environment = new EnvironmentVariableScope().Set(BenchOptions.ApiKeyVariable, null);

        var (exit, output, errors) = Run("--target", "live");

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains(BenchOptions.ApiKeyVariable, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_endpoint_fails_the_preflight()
    {
        using var environment = new EnvironmentVariableScope().Set(BenchOptions.ApiKeyVariable, "some-key");

        var (exit, _, errors) = Run("--target", "live", "--base-url", "http://127.0.0.1:9/v1");

        Assert.Equal(ExitCodes.TargetUnavailable, exit);
        Assert.StartsWith("error: preflight failed:", errors, StringComparison.Ordinal);
        Assert.Contains("unreachable", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_key_fails_the_preflight_with_401_and_never_shows_the_key()
    {
        using var stub = ChatCompletionsStub.Start(new StubOptions { Faults = new StubFaults { ApiKey = "the-right-key" } });
        using var environment = new EnvironmentVariableScope().Set(BenchOptions.ApiKeyVariable, "wrong-key-4711");

        var (exit, output, errors) = Run("--target", "live", "--base-url", stub.BaseUri.ToString());

        Assert.Equal(ExitCodes.TargetUnavailable, exit);
        Assert.Contains("401", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-4711", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_fails_the_preflight_with_404()
    {
        using var stub = ChatCompletionsStub.Start();
        using var environment = new EnvironmentVariableScope().Set(BenchOptions.ApiKeyVariable, "key");

        var (exit, _, errors) = Run("--target", "live", "--base-url", stub.BaseUri.ToString(), "--model", "no-such-model");

        Assert.Equal(ExitCodes.TargetUnavailable, exit);
        Assert.Contains("404", errors, StringComparison.Ordinal);
        Assert.Contains("no-such-model", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_plan_over_the_request_budget_is_refused_with_how_to_raise_it()
    {
        using var stub = ChatCompletionsStub.Start();
        using var environment = new EnvironmentVariableScope().Set(BenchOptions.ApiKeyVariable, "key");

        var (exit, output, errors) = Run("--target", "live", "--base-url", stub.BaseUri.ToString(), "--filter", "*SeedScenario*", "--max-requests", "5");

        Assert.Equal(ExitCodes.OverBudget, exit);
        Assert.Contains("Plan: 3 benchmark cases, 36 requests", output, StringComparison.Ordinal);
        Assert.Contains("--max-requests", errors, StringComparison.Ordinal);
        Assert.Equal(1, stub.Statistics.Received);
    }

    [Fact]
    public void A_live_run_given_the_base_url_without_v1_passes_its_preflight_there()
    {
        using var stub = ChatCompletionsStub.Start();
        using var environment = new EnvironmentVariableScope().Set(BenchOptions.ApiKeyVariable, "key");

        // The seed's form, as https://api.aimlapi.com: no /v1 and no trailing slash. The budget then stops the run.
        var (exit, output, _) = Run("--target", "live", "--base-url", stub.Url.GetLeftPart(UriPartial.Authority), "--filter", "*SeedScenario*", "--max-requests", "5");

        Assert.Equal(ExitCodes.OverBudget, exit);
        Assert.Contains("Plan: 3 benchmark cases", output, StringComparison.Ordinal);
        Assert.Equal(1, stub.Statistics.Received);
    }

    [Fact]
    public void A_live_plan_counts_only_the_cases_the_run_will_send_heavy_ones_only_when_asked()
    {
        using var stub = ChatCompletionsStub.Start();
        using var environment = new EnvironmentVariableScope().Set(BenchOptions.ApiKeyVariable, "key");

        var (_, defaultPlan, _) = Run("--target", "live", "--base-url", stub.BaseUri.ToString(), "--filter", "*LargeBatch*", "*Load*", "--max-requests", "1");
        var (_, heavyPlan, _) = Run("--target", "live", "--base-url", stub.BaseUri.ToString(), "--filter", "*LargeBatch*", "*Load*", "--allCategories", "heavy", "--max-requests", "1");

        // LargeBatch: 2 sizes x 3 strategies = 6 cases of 100 and 1,000 requests, 6 calls each; Load (heavy): 5,000 a call.
        Assert.Contains("Plan: 6 benchmark cases, 19800 requests", defaultPlan, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 benchmark cases, 30000 requests", heavyPlan, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = BenchRunner.Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
