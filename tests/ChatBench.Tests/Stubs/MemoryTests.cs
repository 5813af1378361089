using System.Text;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub keeps no per-request state: its memory stops growing however many requests it serves.</summary>
[Collection(ProcessWideState.Name)]
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed class MemoryTests
{
    [Fact]
    public async Task Twenty_thousand_requests_leave_the_managed_heap_flat()
    {
        using var stub = StubClient.Start(timeScale: 0.005);
        using var http = TestHttp.Client();
        var url = new Uri(stub.BaseUri + "/chat/completions");
        const string body = """{"model":"gpt-4o","messages":[{"role":"user","content":"What is 2+2?"}]}""";

        async Task RoundAsync() => await Task.WhenAll(Enumerable.Range(0, 500).Select(async _ =>
        {
            using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }));

        for (var i = 0; i < 8; i++)
        {
            await RoundAsync();
        }

        var settled = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 32; i++)
        {
            await RoundAsync();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);

        TestContext.Current.TestOutputHelper?.WriteLine($"heap growth over 16,000 requests: {(after - settled) / 1048576.0:F2} MiB");
        Assert.Equal(20_000, await SettledCount.SucceededAsync(stub.Statistics, 20_000));

        // Growth over 8 serial runs on the shared two-core machine: -1.90 to +0.20 MiB. The bound, ten times the
        // largest, is what a leak of 131 bytes a request would add.
        Assert.True(after - settled < 2 * 1024 * 1024, $"the heap grew by {(after - settled) / 1048576.0:0.0} MiB over 16,000 requests");
    }
}
