using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Bench;

/// <summary>Workload files: what a line may say, what a bad file says back, and the built-in mix read from one.</summary>
public sealed class WorkloadFileTests
{
    [Theory]
    [InlineData("{\"prompt\": \"hi\"}\nnot json at all", "line 2: not JSON")]
    [InlineData("{\"prompt\": \"hi\"}\n\n{\"class\": \"x\"}", "line 3: no \"prompt\" or \"messages\"")]
    [InlineData("{\"prompt\": \"\"}", "line 1: \"prompt\" must be a non-empty string")]
    [InlineData("{\"messages\": [{\"role\": \"system\", \"content\": \"be brief\"}]}", "line 1: \"messages\" has no user message")]
    [InlineData("{\"messages\": [{\"role\": \"wizard\", \"content\": \"x\"}]}", "line 1: messages[0].role must be one of")]
    [InlineData("{\"prompt\": \"hi\", \"max_tokens\": 0}", "line 1: \"max_tokens\" must be a whole number of 1 or more")]
    [InlineData("{\"promt\": \"hi\"}", "line 1: unknown field \"promt\"")]
    [InlineData("[1, 2]", "line 1: not a JSON object")]
    [InlineData("\n  \n", "empty, it needs at least one request or session line")]
    public void A_bad_workload_is_one_line_naming_the_line_and_exit_2_before_anything_runs(string content, string expected)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chatbench-workload-").FullName, "bad.jsonl");
        File.WriteAllText(path, content);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--workload", path, "--filter", "*StreamingBenchmarks*"], output, errors);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith($"error: workload {path}", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, errors.ToString(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Trim().Split('\n'));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void A_missing_workload_file_is_refused_the_same_way()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--workload", "/nonexistent/my.jsonl"], output, errors);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Equal("error: workload /nonexistent/my.jsonl: no such file.", errors.ToString().Trim());
    }

    [Fact]
    public void The_built_in_mix_from_workloads_default_jsonl_keeps_the_old_prompts_in_the_old_order()
    {
        // The mix as code wrote it before it became a file: long, short, colour, short, cycling.
        var expected = Enumerable.Range(0, 25).Select(i => (i % 4) switch
        {
            0 => DefaultPromptRules.LongQuestion,
            2 => PromptMix.ColourQuestion,
            _ => DefaultPromptRules.ShortQuestion,
        });

        var batch = PromptMix.Batch(25);

        Assert.Equal(expected, batch.Select(p => p.Text));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), batch.Select(p => p.Seed));
        var plans = PlannedPrompt.For(batch, LatencyProfile.Default);
        Assert.All(plans, p => Assert.Equal(p.Plan!.Rule.Name, p.PromptClass));
        Assert.Equal(File.ReadAllLines(Path.Combine(RepositoryRoot(), "workloads", "default.jsonl")).Length, Workload.Default.Requests.Count);
    }

    [Fact]
    public void Messages_classes_token_counts_and_output_caps_are_read_and_a_missing_class_is_the_length_bucket()
    {
        var workload = WorkloadFile.Parse(
            [
                "{\"messages\": [{\"role\": \"system\", \"content\": \"Answer in one word.\"}, {\"role\": \"user\", \"content\": \"Capital of France?\"}], \"class\": \"geo\", \"max_tokens\": 5}",
                "{\"prompt\": \"What is 2+2?\"}",
            ],
            "inline");

        var conversation = workload.Requests[0];
        Assert.Equal("geo", conversation.Class);
        Assert.Equal(5, conversation.MaxTokens);
        Assert.Equal("Capital of France?", conversation.LastUserMessage);
        Assert.Equal(PromptTokenCounter.Conversation(["Answer in one word.", "Capital of France?"]), conversation.PromptTokens);
        Assert.False(conversation.IsSinglePrompt);

        // "What is 2+2?" is 7 o200k tokens, plus 3 for the message and 3 to prime the reply.
        Assert.Equal(13, workload.Requests[1].PromptTokens);
        Assert.Equal("tokens 0-16", workload.Requests[1].Class);

        var prompts = workload.Take(5);
        Assert.Equal(["Capital of France?", "What is 2+2?", "Capital of France?", "What is 2+2?", "Capital of France?"], prompts.Select(p => p.Text));
        Assert.Equal(2, prompts[0].SdkMessages().Count());
    }

    [Fact]
    public void The_workloads_the_project_ships_all_parse()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "workloads"), "*.jsonl");

        Assert.True(files.Length >= 3, string.Join(", ", files));
        Assert.All(files, f => Assert.NotEmpty(WorkloadFile.Load(f).Requests));
    }

    private static string RepositoryRoot() => ChatBench.Benchmarks.Options.RepositoryRoot.Find();
}
