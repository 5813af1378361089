using ChatBench.Benchmarks;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency;

namespace ChatBench.Tests.Bench;

/// <summary>Synthetic sessions (<c>--sessions</c>): exact in o200k tokens, seeded, and a bad value is one line naming its part.</summary>
public sealed class SyntheticSessionsTests
{
    [Fact]
    public void Every_word_of_the_vocabulary_is_one_o200k_token_alone_and_after_a_space()
    {
        Assert.True(ExactTokenText.Vocabulary.Count >= 100, $"{ExactTokenText.Vocabulary.Count} words");
        Assert.All(ExactTokenText.Vocabulary, w => Assert.Equal((1, 1), (PromptTokenCounter.Count(w), PromptTokenCounter.Count(" " + w))));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    public void Text_of_n_tokens_counts_exactly_n_with_the_tokenizer(ulong seed)
    {
        var draws = new SeededDraws(seed, 0);

        foreach (var tokens in Enumerable.Range(0, 130).Concat([511, 1024, 2000, 4097]))
        {
            Assert.Equal(tokens, PromptTokenCounter.Count(ExactTokenText.Of(tokens, draws)));
        }
    }

    [Fact]
    public void Sessions_have_the_asked_users_turns_exact_lengths_a_shared_prefix_caps_and_think_times_within_their_spread()
    {
        Assert.True(SyntheticSessions.TryParse("users=4,turns=5,prompt=57,answer=80~20,prefix=1100,think=1500ms~500ms", out var spec, out var error), error);

        var sessions = spec.Generate(1);

        Assert.Equal(4, sessions.Count);
        Assert.Equal(20, ChatSession.PlannedRequests(sessions));
        Assert.Single(sessions.Select(s => s.System).Distinct());
        Assert.Equal(1100, PromptTokenCounter.Count(sessions[0].System!));
        var turns = sessions.SelectMany(s => s.Turns).ToList();
        Assert.All(turns, t => Assert.Equal(57, PromptTokenCounter.Count(t.User)));
        Assert.Equal(turns.Count, turns.Select(t => t.User).Distinct().Count());
        Assert.All(turns, t => Assert.InRange(t.MaxTokens!.Value, 60, 100));
        Assert.True(turns.Select(t => t.MaxTokens).Distinct().Count() > 1, "the answer caps never varied");
        Assert.All(sessions, s => Assert.Equal(TimeSpan.Zero, s.Turns[0].ThinkTime));
        Assert.All(sessions.SelectMany(s => s.Turns.Skip(1)), t => Assert.InRange(t.ThinkTime.TotalMilliseconds, 1000, 2000));
        Assert.Equal(["synthetic-1", "synthetic-2", "synthetic-3", "synthetic-4"], sessions.Select(s => s.Id));
    }

    [Fact]
    public void Drawn_lengths_are_exact_too_each_message_counts_a_length_within_its_spread_and_no_prefix_is_no_system_prompt()
    {
        var spec = SyntheticSessions.Default with { Prefix = 0, Prompt = new MeanAndSpread(30, 29), Users = 6 };

        var sessions = spec.Generate(3);

        Assert.All(sessions, s => Assert.Null(s.System));
        var counts = sessions.SelectMany(s => s.Turns).Select(t => PromptTokenCounter.Count(t.User)).ToList();
        Assert.All(counts, c => Assert.InRange(c, 1, 59));
        Assert.True(counts.Distinct().Count() > 10, string.Join(",", counts));
    }

    [Fact]
    public void One_seed_sends_the_same_text_twice_another_seed_other_text_and_a_session_does_not_depend_on_how_many_are_drawn()
    {
        Assert.True(BenchCommandLine.TryParse(["--seed", "7", "--sessions", "users=3,prefix=200"], out var options, out var error), error);

        var first = Text(options.Sessions!.Generate(options.Seed));
        var again = Text(options.Sessions!.Generate(options.Seed));
        var other = Text(options.Sessions!.Generate(8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(first[..3], Text([options.Sessions.Session(0, 7)])[..3]);
        Assert.Equal(Text([(options.Sessions with { Users = 10 }).Generate(7)[2]]), Text([options.Sessions.Generate(7)[2]]));
    }

    [Fact]
    public void Every_part_is_optional_and_the_value_reads_back_as_given()
    {
        Assert.True(BenchCommandLine.TryParse(["--sessions", "turns=2"], out var options, out var error), error);

        Assert.Equal(SyntheticSessions.Default with { Turns = 2 }, options.Sessions);
        Assert.Null(new BenchOptions().Sessions);
        Assert.Equal("users=3,turns=4,prompt=120~40,answer=80~20,prefix=2000,think=1500ms", SyntheticSessions.Default.ToString());
        Assert.True(SyntheticSessions.TryParse("think=1.5s~0.25s,prefix=0", out var parsed, out _));
        Assert.Equal("users=3,turns=4,prompt=120~40,answer=80~20,prefix=0,think=1500ms~250ms", parsed.ToString());
    }

    [Theory]
    [InlineData("users=0", "part 'users' needs a whole number of 1 or more")]
    [InlineData("turns=two", "part 'turns' needs a whole number of 1 or more")]
    [InlineData("prompt=40~40", "part 'prompt' needs tokens as MEAN or MEAN~SPREAD, the spread below the mean")]
    [InlineData("answer=80~", "part 'answer' needs tokens as MEAN or MEAN~SPREAD")]
    [InlineData("prefix=-5", "part 'prefix' needs tokens of 0 or more")]
    [InlineData("think=1500", "part 'think' needs a duration in ms or s")]
    [InlineData("think=1s~2s", "part 'think' needs a duration in ms or s as MEAN or MEAN~SPREAD, the spread at most the mean")]
    [InlineData("users=3,users=4", "gives part 'users' twice")]
    [InlineData("people=3", "has no part 'people' (its parts are users, turns, prompt, answer, prefix, think)")]
    [InlineData("users", "part 'users' needs NAME=VALUE")]
    public void A_bad_value_is_one_line_naming_the_part_and_exit_2(string value, string expected)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = BenchRunner.Run(["--sessions", value], output, errors);

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Equal($"error: option --sessions {expected}", errors.ToString().Trim()[..($"error: option --sessions {expected}".Length)]);
        Assert.EndsWith($", got '{value}'.", errors.ToString().Trim(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Trim().Split('\n'));
    }

    [Fact]
    public void Synthetic_sessions_and_a_file_of_sessions_exclude_each_other_while_a_file_of_single_requests_composes_with_them()
    {
        var folder = Directory.CreateTempSubdirectory("chatbench-synthetic-").FullName;
        var sessionsFile = Path.Combine(folder, "sessions.jsonl");
        var requestsFile = Path.Combine(folder, "requests.jsonl");
        File.WriteAllText(sessionsFile, "{\"session\": \"a\", \"turns\": [\"Hi.\"]}\n");
        File.WriteAllText(requestsFile, "{\"prompt\": \"Hi.\"}\n");
        var synthetic = SyntheticSessions.Default with { Users = 2, Prefix = 10 };
        using var errors = new StringWriter();

        Assert.Null(RunInputs.Check(new BenchOptions { Workload = sessionsFile, Sessions = synthetic }, errors));
        Assert.Equal($"error: --sessions makes synthetic sessions, but workload {sessionsFile} holds sessions of its own: give one of them.", errors.ToString().Trim());

        var composed = RunInputs.Check(new BenchOptions { Workload = requestsFile, Sessions = synthetic }, TextWriter.Null)!;
        Assert.Equal(Text(synthetic.Generate(1)), Text(Workload.From(composed.Workload).SessionsOr(composed.Sessions, 1)));
        Assert.Equal(["a"], WorkloadFile.Load(sessionsFile).SessionsOr(null, 1).Select(s => s.Id));
        Assert.Equal(SyntheticSessions.Default.Users, Workload.Default.SessionsOr(null, 1).Count);
    }

    [Fact]
    public void The_sessions_option_survives_the_job_variable()
    {
        Assert.True(BenchCommandLine.TryParse(["--sessions", "users=2,prompt=10~3,think=2s~1s"], out var options, out var error), error);

        var read = RunSettings.Parse(RunSettings.From(options, options.BaseUrl, "/records").ToJobVariable().Value);

        Assert.Equal(options.Sessions, read.Sessions);
    }

    private static List<string> Text(IEnumerable<ChatSession> sessions) =>
        sessions.SelectMany(s => s.Turns.Select(t => $"{s.Id}|{s.System}|{t.User}|{t.MaxTokens}|{t.ThinkTime}")).ToList();
}
