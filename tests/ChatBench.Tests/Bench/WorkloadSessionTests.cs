using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Scenarios;
using ChatBench.Benchmarks.Targets;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs;
using ChatBench.Stubs.Latency;
using OpenAI.Chat;

namespace ChatBench.Tests.Bench;

/// <summary>Session lines of workload files: what a session may say, the messages each turn sends, and what a bad line says back.</summary>
public sealed class WorkloadSessionTests
{
    private const string Support =
        "{\"session\": \"support-7\", \"system\": \"You are a support agent.\", \"turns\": [\"My invoice is wrong.\", {\"user\": \"Which formats?\", \"max_tokens\": 80}, {\"user\": \"Thanks.\", \"think_ms\": 200}], \"think_ms\": 1500, \"class\": \"support\", \"max_tokens\": 120}";

    [Theory]
    [InlineData("{\"session\": \"a\", \"turns\": [\"\"]}", "line 1: \"turns[0]\" must be a non-empty string")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\", {\"max_tokens\": 5}]}", "line 1: turns[1] has no \"user\"")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\", {\"user\": \" \"}]}", "line 1: \"turns[1].user\" must be a non-empty string")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\", 7]}", "line 1: turns[1] must be a user message: a string, or an object with \"user\"")]
    [InlineData("{\"session\": \"a\", \"turns\": []}", "line 1: \"turns\" must be a non-empty array")]
    [InlineData("{\"session\": \"a\", \"turns\": \"hi\"}", "line 1: \"turns\" must be a non-empty array")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\"], \"think_ms\": -1}", "line 1: \"think_ms\" must be milliseconds from 0 to 86400000 (a day)")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\"], \"think_ms\": 1e300}", "line 1: \"think_ms\" must be milliseconds from 0 to 86400000 (a day)")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\", {\"user\": \"and?\", \"think_ms\": \"soon\"}]}", "line 1: \"turns[1].think_ms\" must be milliseconds from 0 to 86400000 (a day)")]
    [InlineData("{\"session\": \"a\", \"turns\": [{\"user\": \"hi\", \"think_ms\": 100}]}", "line 1: turns[0].think_ms: the first turn follows no answer")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\", {\"user\": \"and?\", \"max_tokens\": 0}]}", "line 1: \"turns[1].max_tokens\" must be a whole number of 1 or more")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\"]}\n{\"session\": \"a\", \"turns\": [\"again\"]}", "line 2: session \"a\" is already line 1's: give each session its own id")]
    [InlineData("{\"session\": \"a\", \"prompt\": \"hi\", \"turns\": [\"hi\"]}", "line 1: both \"prompt\" and a session's \"turns\"/\"session\"")]
    [InlineData("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"turns\": [\"hi\"]}", "line 1: both \"messages\" and a session's")]
    [InlineData("{\"turns\": [\"hi\"]}", "line 1: a session line needs \"session\", its id")]
    [InlineData("{\"session\": \"a\"}", "line 1: session \"a\" has no \"turns\"")]
    [InlineData("{\"session\": 7, \"turns\": [\"hi\"]}", "line 1: \"session\" must be a non-empty string")]
    [InlineData("{\"session\": \"a\", \"turns\": [\"hi\"], \"think\": 5}", "line 1: unknown field \"think\" (a session has session and turns")]
    [InlineData("{\"session\": \"a\", \"turns\": [{\"user\": \"hi\", \"role\": \"user\"}]}", "line 1: unknown field \"role\" (a turn has user")]
    public void A_bad_session_line_is_one_line_naming_the_file_and_line_and_exit_2_before_anything_runs(string content, string expected)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("chatbench-sessions-").FullName, "bad.jsonl");
        File.WriteAllText(path, content);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--workload", path, "--filter", "*StreamingBenchmarks*"], output, errors);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.StartsWith($"error: workload {path} ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, errors.ToString(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Trim().Split('\n'));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void A_session_line_gives_its_id_system_prompt_class_and_turns_with_the_sessions_cap_and_think_time_where_a_turn_gives_none()
    {
        var session = Assert.Single(WorkloadFile.Parse([Support], "inline").Sessions);

        Assert.Equal(("support-7", "You are a support agent.", "support"), (session.Id, session.System, session.Class));
        Assert.Equal(
            [
                new SessionTurn("My invoice is wrong.", 120, TimeSpan.Zero),
                new SessionTurn("Which formats?", 80, TimeSpan.FromMilliseconds(1500)),
                new SessionTurn("Thanks.", 120, TimeSpan.FromMilliseconds(200)),
            ],
            session.Turns);
    }

    [Fact]
    public void A_session_without_system_class_or_think_time_sends_no_system_message_and_does_not_wait()
    {
        var session = Assert.Single(WorkloadFile.Parse(["{\"session\": \"s\", \"turns\": [\"Hi.\", \"Bye.\"]}"], "inline").Sessions);

        Assert.Null(session.System);
        Assert.Null(session.Class);
        Assert.All(session.Turns, t => Assert.Equal((null, TimeSpan.Zero), (t.MaxTokens, t.ThinkTime)));
        Assert.Equal([new WorkloadMessage("user", "Hi."), new WorkloadMessage("assistant", "Hello!"), new WorkloadMessage("user", "Bye.")], session.Messages(1, ["Hello!"]));
    }

    [Fact]
    public void Turn_k_sends_the_system_prompt_every_earlier_user_message_and_the_answers_returned_word_for_word_then_its_own_message()
    {
        var session = WorkloadFile.Parse([Support], "inline").Sessions[0];
        string[] answers = ["Sorry about that: which line is wrong?", "PDF and CSV."];

        Assert.Equal(
            [new WorkloadMessage("system", "You are a support agent."), new WorkloadMessage("user", "My invoice is wrong.")],
            session.Messages(0, []));
        Assert.Equal(
            [
                new WorkloadMessage("system", "You are a support agent."),
                new WorkloadMessage("user", "My invoice is wrong."),
                new WorkloadMessage("assistant", answers[0]),
                new WorkloadMessage("user", "Which formats?"),
                new WorkloadMessage("assistant", answers[1]),
                new WorkloadMessage("user", "Thanks."),
            ],
            session.Messages(2, answers));

        var request = session.Request(2, answers);
        Assert.Equal(("support", 120, "Thanks."), (request.Class, request.MaxTokens, request.LastUserMessage));
        Assert.Equal(PromptTokenCounter.Conversation(request.Messages.Select(m => m.Content)), request.PromptTokens);
        Assert.Throws<ArgumentException>(() => session.Messages(2, answers[..1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Messages(3, answers));
    }

    [Fact]
    public void Before_answers_are_known_a_turns_prompt_tokens_are_a_lower_bound_exact_for_empty_answers()
    {
        var session = WorkloadFile.Parse([Support], "inline").Sessions[0];
        string[] answers = ["Sorry about that: which line is wrong?", "PDF and CSV."];

        for (var turn = 0; turn < session.Turns.Count; turn++)
        {
            Assert.Equal(session.Request(turn, ["", ""]).PromptTokens, session.MinimumPromptTokens(turn));
            Assert.Equal(
                session.MinimumPromptTokens(turn) + answers.Take(turn).Sum(PromptTokenCounter.Count),
                session.Request(turn, answers).PromptTokens);
        }

        // The first turn has no answers before it: its count is exact.
        Assert.Equal(PromptTokenCounter.Conversation(["You are a support agent.", "My invoice is wrong."]), session.MinimumPromptTokens(0));
    }

    [Fact]
    public void The_planned_request_count_of_sessions_is_the_sum_of_their_turns()
    {
        var workload = WorkloadFile.Parse(
            [Support, "{\"prompt\": \"single\"}", "{\"session\": \"b\", \"turns\": [\"one\", \"two\"]}", "{\"session\": \"c\", \"turns\": [\"one\"]}"],
            "inline");

        Assert.Equal(3 + 2 + 1, ChatSession.PlannedRequests(workload.Sessions));
        Assert.Equal(["support-7", "b", "c"], workload.Sessions.Select(s => s.Id));
    }

    [Fact]
    public void Single_request_benchmarks_send_a_session_line_as_its_first_turn_in_file_order_so_a_file_of_sessions_alone_still_sends()
    {
        var workload = WorkloadFile.Parse(
            [Support, "{\"prompt\": \"What is 2+2?\"}", "{\"session\": \"b\", \"turns\": [{\"user\": \"Hi there.\", \"max_tokens\": 9}, \"And?\"]}"],
            "inline");

        var prompts = workload.Take(4);

        Assert.Equal(["My invoice is wrong.", "What is 2+2?", "Hi there.", "My invoice is wrong."], prompts.Select(p => p.Text));
        Assert.Equal([120, null, 9, 120], prompts.Select(p => p.Request!.MaxTokens));
        var sent = prompts[0].SdkMessages().ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal("You are a support agent.", Assert.IsType<SystemChatMessage>(sent[0]).Content[0].Text);
        Assert.Equal("My invoice is wrong.", Assert.IsType<UserChatMessage>(sent[1]).Content[0].Text);
        Assert.Equal("support", prompts[0].Request!.Class);

        var sessionsOnly = WorkloadFile.Parse(["{\"session\": \"b\", \"turns\": [\"Hi there.\", \"And?\"]}"], "inline");
        Assert.Equal(["Hi there.", "Hi there."], sessionsOnly.Take(2).Select(p => p.Text));
    }

    [Fact]
    public void The_shipped_support_sessions_are_three_sessions_of_four_turns_two_sharing_a_system_prompt_a_prefix_cache_can_hold()
    {
        var workload = WorkloadFile.Load(Path.Combine(ChatBench.Benchmarks.Options.RepositoryRoot.Find(), "workloads", "support-sessions.jsonl"));

        Assert.Equal(3, workload.Sessions.Count);
        Assert.All(workload.Sessions, s => Assert.Equal(4, s.Turns.Count));
        Assert.Equal(12, ChatSession.PlannedRequests(workload.Sessions));
        var shared = workload.Sessions.GroupBy(s => s.System).Single(g => g.Count() == 2).Key!;

        // Providers cache prompts of at least 1,024 tokens: the shared system prompt alone reaches that.
        Assert.InRange(PromptTokenCounter.Count(shared), 1024, 2048);
    }

    [Fact]
    public async Task A_batch_benchmark_given_a_file_of_sessions_alone_sends_their_first_turns_to_a_real_stub()
    {
        var path = Path.Combine(ChatBench.Benchmarks.Options.RepositoryRoot.Find(), "workloads", "support-sessions.jsonl");
        var sessions = WorkloadFile.Load(path).Sessions;
        using var stub = ChatCompletionsStub.Start(new StubOptions { Profile = BenchTarget.StubProfile(0.02, 1) });
        var records = Directory.CreateTempSubdirectory("chatbench-first-turns-").FullName;
        var benchmark = new BatchBenchmarks { BatchSize = 6 };
        benchmark.SetUpAgainst(new RunSettings(new BenchOptions { TimeScale = 0.02, Workload = path }, stub.BaseUri, records));

        await benchmark.Sequential();
        benchmark.GlobalCleanup();

        var sent = Assert.Single(RecordLog.Read(records, CaseKey.Of(benchmark, nameof(BatchBenchmarks.Sequential)))).Requests.OrderBy(r => r.Index).ToList();
        var expected = Enumerable.Range(0, 6).Select(i => sessions[i % sessions.Count]).ToList();
        Assert.All(sent, r => Assert.True(r.Succeeded, r.Outcome.ToString()));
        Assert.Equal(expected.Select(s => s.Turns[0].User), sent.Select(r => r.Prompt));
        Assert.Equal(expected.Select(s => s.MinimumPromptTokens(0)), sent.Select(r => r.PromptTokens!.Value));
        Assert.Equal(expected.Select(s => s.Class), sent.Select(r => r.PromptClass));
        Assert.Equal(6, stub.Statistics.Received);
    }
}
