using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Stubs;

/// <summary>Answers take the time the latency model says: never less, and not much more on a noisy machine.</summary>
[Collection(ProcessWideState.Name)]
public sealed class LatencyModelTests
{
    // Strict on the fast side: the stub must never be early. On the slow side, over 8 serial runs on the shared two-core
    // machine answers came 0.5 to 42 ms after their plan and streams' tokens 0.5 to 23 ms: the slack is six times the latest.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(250);

    [Trait(TestCategories.Trait, TestCategories.Slow)]
    [Fact]
    public async Task A_completion_arrives_no_sooner_than_its_planned_total_time()
    {
        using var stub = StubClient.Start(timeScale: 0.1);
        var client = StubClient.For(stub);
        await client.CompleteChatAsync([new UserChatMessage("warm up")], cancellationToken: TestContext.Current.CancellationToken);

        foreach (var prompt in (string[])[DefaultPromptRules.LongQuestion, DefaultPromptRules.ShortQuestion])
        {
            var started = Stopwatch.GetTimestamp();
            await client.CompleteChatAsync([new UserChatMessage(prompt)], cancellationToken: TestContext.Current.CancellationToken);
            var took = Stopwatch.GetElapsedTime(started);

            var plan = stub.Expect(prompt);
            TestContext.Current.TestOutputHelper?.WriteLine($"{plan.Rule.Name}: {(took - plan.Total).TotalMilliseconds:F2} ms after its plan");
            Assert.InRange(took, plan.Total, plan.Total + Slack);
        }
    }

    [Trait(TestCategories.Trait, TestCategories.Slow)]
    [Fact]
    public async Task A_stream_first_token_and_last_token_follow_the_plan()
    {
        using var stub = StubClient.Start(timeScale: 0.1);
        var client = StubClient.For(stub);
        await client.CompleteChatAsync([new UserChatMessage("warm up")], cancellationToken: TestContext.Current.CancellationToken);

        var started = Stopwatch.GetTimestamp();
        TimeSpan? first = null, last = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(DefaultPromptRules.LongQuestion)], cancellationToken: TestContext.Current.CancellationToken))
        {
            if (update.ContentUpdate.Any(p => p.Text.Length > 0))
            {
                last = Stopwatch.GetElapsedTime(started);
                first ??= last;
            }
        }

        var plan = stub.Expect(DefaultPromptRules.LongQuestion);
        TestContext.Current.TestOutputHelper?.WriteLine($"first token {(first!.Value - plan.TimeToFirstToken).TotalMilliseconds:F2} ms after its plan, last {(last!.Value - plan.Total).TotalMilliseconds:F2} ms");
        Assert.InRange(first!.Value, plan.TimeToFirstToken, plan.TimeToFirstToken + Slack);
        Assert.InRange(last!.Value, plan.Total, plan.Total + Slack);
    }

    [Fact]
    public void The_plan_depends_only_on_seed_prompt_and_request_seed()
    {
        var profile = LatencyProfile.Default;

        Assert.Equal(profile.Plan("hello", null, 7).TimeToFirstToken, profile.Plan("hello", null, 7).TimeToFirstToken);
        Assert.NotEqual(profile.Plan("hello", null, 7).TimeToFirstToken, profile.Plan("hello", null, 8).TimeToFirstToken);
        Assert.NotEqual(profile.Plan("hello").TimeToFirstToken, (profile with { Seed = 2 }).Plan("hello").TimeToFirstToken);
    }

    [Fact]
    public void Jitter_stays_within_its_band_and_the_time_scale_scales_every_latency()
    {
        var profile = LatencyProfile.Default;
        var plans = Enumerable.Range(0, 500).Select(i => profile.Plan(DefaultPromptRules.ShortQuestion, null, i)).ToList();

        Assert.All(plans, p => Assert.InRange(p.TimeToFirstToken.TotalMilliseconds, 405, 495));
        Assert.All(plans, p => Assert.InRange(p.InterTokenInterval.TotalMilliseconds, 10.8, 13.2));
        Assert.True(plans.Select(p => p.TimeToFirstToken).Distinct().Count() > 400);

        var scaled = (profile with { TimeScale = 0.1 }).Plan(DefaultPromptRules.ShortQuestion, null, 3);
        var full = profile.Plan(DefaultPromptRules.ShortQuestion, null, 3);
        Assert.Equal(full.TimeToFirstToken.TotalMilliseconds * 0.1, scaled.TimeToFirstToken.TotalMilliseconds, 0.001);
        Assert.Equal(full.Total.TotalMilliseconds * 0.1, scaled.Total.TotalMilliseconds, 0.001);
    }

    [Fact]
    public void Prompt_rules_are_configurable_and_the_first_match_wins()
    {
        var profile = LatencyProfile.Default with
        {
            Rules =
            [
                new PromptRule("weather", "Sunny, 21 degrees.", new Regex("weather", RegexOptions.IgnoreCase)),
                new PromptRule("tiny", "Yes.", maxPromptLength: 10),
                new PromptRule("other", "A longer answer for everything else."),
            ],
        };

        Assert.Equal("weather", profile.Plan("What is the weather like?").Rule.Name);
        Assert.Equal("tiny", profile.Plan("Really?").Rule.Name);
        Assert.Equal("other", profile.Plan("Explain the history of Rome.").Rule.Name);
        Assert.Equal("Sunny, 21 degrees.", profile.Plan("weather").Content);
    }

    [Fact]
    public void A_profile_whose_rules_miss_a_prompt_says_so()
    {
        var profile = LatencyProfile.Default with { Rules = [new PromptRule("tiny", "Yes.", maxPromptLength: 3)] };

        var error = Assert.Throws<InvalidOperationException>(() => profile.Plan("a much longer prompt"));
        Assert.Contains("takes any prompt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_tokens_truncates_the_plan_and_shortens_its_total()
    {
        var full = LatencyProfile.Default.Plan(DefaultPromptRules.LongQuestion);
        var cut = LatencyProfile.Default.Plan(DefaultPromptRules.LongQuestion, maxTokens: 10);

        Assert.Equal(("length", 10), (cut.FinishReason, cut.CompletionTokens));
        Assert.Equal("stop", full.FinishReason);
        Assert.Equal(cut.TimeToFirstToken + (9 * cut.InterTokenInterval), cut.Total);
    }
}
