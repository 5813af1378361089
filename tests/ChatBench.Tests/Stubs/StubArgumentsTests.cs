using System.CommandLine;
using System.CommandLine.Help;
using ChatBench.Stubs;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Capacity;
using ChatBench.Stubs.Faults;
using ChatBench.Stubs.Hosting;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Latency.Recorded;

namespace ChatBench.Tests.Stubs;

/// <summary>A stub to start becomes the program's arguments in one place, and those arguments parse back to the same stub.</summary>
public sealed class StubArgumentsTests
{
    // Record equality compares lists by reference: both sides get these same instances, and the lists are compared apart.
    private static readonly string[] SharedModels = [];

    [Fact]
    public void A_default_stub_parses_back_to_itself() => AssertParsesBack(new StubLaunch(new StubOptions()));

    [Fact]
    public void A_stub_with_every_option_changed_parses_back_to_itself()
    {
        using var profile = new RecordedProfileOnDisk();
        AssertParsesBack(EveryOptionChanged(profile.Path));
    }

    [Fact]
    public void Every_option_the_program_declares_is_written_for_a_stub_that_changes_them_all()
    {
        using var profile = new RecordedProfileOnDisk();

        var written = StubArguments.For(EveryOptionChanged(profile.Path)).Where(a => a.StartsWith("--", StringComparison.Ordinal));
        var declared = new StubCommandLine().Root.Options.Where(o => o is not HelpOption and not VersionOption).Select(o => o.Name);

        Assert.Equal(declared.Order(), written.Order());
    }

    [Fact]
    public void What_the_program_has_no_option_for_is_refused_rather_than_dropped()
    {
        var replay = new ProfileReplay(RecordedProfileOnDisk.Profile, replayErrors: false);
        StubOptions[] unsayable =
        [
            new() { Profile = LatencyProfile.Default with { Replay = replay } },
            new() { Profile = LatencyProfile.Default with { Rules = [DefaultPromptRules.All[^1]] } },
            new() { MaxRequestLogCount = 7 },
            new() { Models = ["a,b"] },
        ];

        Assert.All(unsayable, options => Assert.Throws<ArgumentException>(() => StubArguments.For(new StubLaunch(options))));
    }

    private static StubLaunch EveryOptionChanged(string recordedProfile) => new(
        new StubOptions
        {
            Port = 5081,
            Host = "localhost",
            Profile = LatencyProfile.Default with
            {
                TimeScale = 0.25,
                Seed = 42,
                TimeToFirstToken = TimeSpan.FromMilliseconds(300),
                InterTokenInterval = TimeSpan.FromMilliseconds(9),
                Jitter = 0.5,
                LengthJitter = 0.75,
                TimeToFirstTokenPerPromptToken = TimeSpan.FromMilliseconds(0.5),
                Rules = DefaultPromptRules.WithShortPromptMaxLength(40),
            },
            Faults = new StubFaults
            {
                ApiKey = "k-123",
                MaxConcurrency = 4,
                RetryAfter = TimeSpan.FromMilliseconds(250),
                ErrorRate = 0.125,
                StallBeforeFirstByte = TimeSpan.FromMilliseconds(1500),
                CutStreamAfterEvents = 3,
            },
            Capacity = new CapacityModel { Slots = 8, PrefillPerPromptToken = TimeSpan.FromMilliseconds(0.25), DecodeSlowdown = 0.0625 },
            Models = ["my-model", "gpt-4o"],
            Pipeline = StubPipeline.WireMockMapping,
            Http2Only = true,
            MaxBodyBytes = 1024,
            ContextWindow = 8192,
            PrefixCache = new PrefixCacheOptions { Enabled = false, CapacityTokens = 4096, TimeToLive = TimeSpan.FromMilliseconds(90_000) },
            Metrics = false,
        },
        recordedProfile,
        ReplayErrors: true)
    {
        ShutdownGrace = TimeSpan.FromMilliseconds(1250),
        ParentProcessId = 4321,
    };

    private static void AssertParsesBack(StubLaunch launch)
    {
        var commandLine = new StubCommandLine();
        var parsed = commandLine.Root.Parse([.. StubArguments.For(launch)]);
        Assert.Empty(parsed.Errors);
        var back = commandLine.ToLaunch(parsed);

        Assert.Equal(launch.Options.Models, back.Options.Models);
        Assert.Equal(DefaultPromptRules.ShortPromptMaxLengthOf(launch.Options.Profile.Rules), DefaultPromptRules.ShortPromptMaxLengthOf(back.Options.Profile.Rules));
        Assert.Equal(WithSharedLists(launch), WithSharedLists(back));
    }

    private static StubLaunch WithSharedLists(StubLaunch launch) => launch with
    {
        Options = launch.Options with { Models = SharedModels, Profile = launch.Options.Profile with { Rules = DefaultPromptRules.All } },
    };

    /// <summary>A recorded profile the program can read, as <c>--profile</c> needs one.</summary>
    private sealed class RecordedProfileOnDisk : IDisposable
    {
        public static readonly RecordedProfile Profile = new()
        {
            SchemaVersion = RecordedProfile.CurrentSchemaVersion,
            Target = "live",
            Model = "gpt-4o",
            DateUtc = DateTimeOffset.UnixEpoch,
            QuantileGrid = RecordedProfile.StandardGrid,
            Prompts = [],
            Classes =
            [
                new RecordedGroup
                {
                    Class = "any",
                    PromptTokens = 10,
                    Samples = 1,
                    TtftMs = [.. RecordedProfile.StandardGrid.Select(_ => 40.0)],
                    ItlMs = [.. RecordedProfile.StandardGrid.Select(_ => 2.0)],
                    OutputTokens = [.. RecordedProfile.StandardGrid.Select(_ => 12.0)],
                    E2EMs = [.. RecordedProfile.StandardGrid.Select(_ => 62.0)],
                },
            ],
            TtftByPromptTokens = new FittedLine(40, 0, 1),
            Errors = new RecordedErrors { Requests = 1, Kinds = new Dictionary<string, RecordedErrorKind>() },
        };

        private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("chatbench-stub-arguments-");

        public RecordedProfileOnDisk()
        {
            Path = System.IO.Path.Combine(directory.FullName, "latency-profile.json");
            RecordedProfileFile.Write(Profile, Path);
        }

        public string Path { get; }

        public void Dispose() => directory.Delete(recursive: true);
    }
}
