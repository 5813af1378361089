using System.Text;
using ChatBench.Stubs.Caching;
using ChatBench.Stubs.Protocol;

namespace ChatBench.Tests.Stubs;

/// <summary>The prefix cache on its own: exact-prefix matches over chained 128-token blocks, LRU eviction and expiry.</summary>
public sealed class PrefixCacheTests
{
    private static readonly string Shared = PromptText.OfTokens(1990);

    [Fact]
    public void A_repeated_prefix_of_2000_tokens_caches_its_15_whole_blocks()
    {
        var cache = new PrefixCache(PrefixCacheOptions.Default);
        var first = Parse(("system", Shared), ("user", "Hi"));
        var second = Parse(("system", Shared), ("user", "Hi"), ("assistant", "Hello!"), ("user", "And then?"));

        Assert.Equal(0, cache.Admit(first.PromptBlocks.Span, first.PromptTokens));
        Assert.Equal(15 * 128, cache.Admit(second.PromptBlocks.Span, second.PromptTokens));
        Assert.InRange(first.PromptTokens, 15 * 128, (16 * 128) - 1);
    }

    [Fact]
    public void Hashing_the_blocks_counts_the_prompt_as_the_counter_does()
    {
        var withBlocks = Parse(("system", Shared), ("user", "Hi"), ("assistant", "Hello!"));
        Assert.True(ChatRequestParser.TryParse(Encoding.UTF8.GetBytes(PromptText.Body([("system", Shared), ("user", "Hi"), ("assistant", "Hello!")])), out var counted, out _));

        Assert.Equal(counted.PromptTokens, withBlocks.PromptTokens);
        Assert.Equal(withBlocks.PromptTokens / 128, withBlocks.PromptBlocks.Length);
        Assert.True(counted.PromptBlocks.IsEmpty);
    }

    [Fact]
    public void A_prompt_under_1024_tokens_never_caches_nor_fills_the_cache()
    {
        var cache = new PrefixCache(PrefixCacheOptions.Default);
        var shortPrompt = Parse(("system", PromptText.OfTokens(1000)), ("user", "Hi"));

        cache.Admit(shortPrompt.PromptBlocks.Span, shortPrompt.PromptTokens);

        Assert.Equal(0, cache.Admit(shortPrompt.PromptBlocks.Span, shortPrompt.PromptTokens));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_match_under_1024_tokens_reports_nothing_though_the_blocks_match()
    {
        var cache = new PrefixCache(PrefixCacheOptions.Default);
        var head = PromptText.OfTokens(900);
        var first = Parse(("system", head + PromptText.OfTokens(1000, offset: 1)), ("user", "Hi"));
        var second = Parse(("system", head + PromptText.OfTokens(1000, offset: 2)), ("user", "Hi"));

        cache.Admit(first.PromptBlocks.Span, first.PromptTokens);

        Assert.Equal(0, cache.Admit(second.PromptBlocks.Span, second.PromptTokens));
    }

    [Fact]
    public void A_changed_early_message_breaks_the_match_from_its_block_on()
    {
        var cache = new PrefixCache(PrefixCacheOptions.Default);
        var tail = PromptText.OfTokens(1500, offset: 3);

        // The system message's first 1,200 tokens are the same; the 1,201st differs (token 1,203 with the overhead).
        var first = Parse(("system", PromptText.OfTokens(1200) + " apple" + tail), ("user", "Hi"));
        var second = Parse(("system", PromptText.OfTokens(1200) + " river" + tail), ("user", "Hi"));

        cache.Admit(first.PromptBlocks.Span, first.PromptTokens);

        // Blocks 0 to 8 (tokens up to 1,152) are whole before the change; block 9 holds it, and every later block differs.
        Assert.Equal(9 * 128, cache.Admit(second.PromptBlocks.Span, second.PromptTokens));
    }

    [Fact]
    public void Conversations_that_differ_only_in_a_role_share_nothing()
    {
        var cache = new PrefixCache(PrefixCacheOptions.Default);
        var asSystem = Parse(("system", Shared), ("user", "Hi"));
        var asDeveloper = Parse(("developer", Shared), ("user", "Hi"));

        cache.Admit(asSystem.PromptBlocks.Span, asSystem.PromptTokens);

        Assert.Equal(asSystem.PromptTokens, asDeveloper.PromptTokens);
        Assert.Equal(0, cache.Admit(asDeveloper.PromptBlocks.Span, asDeveloper.PromptTokens));
    }

    [Fact]
    public void An_identical_prompt_still_computes_its_last_token()
    {
        var cache = new PrefixCache(PrefixCacheOptions.Default);
        var text = PromptText.OfTokens(2048 - 9);
        var exact = Parse(("system", text));
        Assert.Equal(2048 - 3, exact.PromptTokens);
        var whole = Parse(("system", text + " apple apple apple"));
        Assert.Equal(2048, whole.PromptTokens);

        cache.Admit(whole.PromptBlocks.Span, whole.PromptTokens);

        Assert.Equal(15 * 128, cache.Admit(whole.PromptBlocks.Span, whole.PromptTokens));
    }

    [Fact]
    public void The_least_recently_used_conversation_loses_its_tail_first_when_the_cache_is_full()
    {
        // Room for 16 blocks; each conversation fills 11.
        var cache = new PrefixCache(new PrefixCacheOptions { CapacityTokens = 16 * 128 });
        var a = Parse(("system", PromptText.OfTokens(1420)), ("user", "Hi"));
        var b = Parse(("system", PromptText.OfTokens(1420, offset: 1)), ("user", "Hi"));
        Assert.Equal(11, a.PromptBlocks.Length);

        cache.Admit(a.PromptBlocks.Span, a.PromptTokens);
        cache.Admit(b.PromptBlocks.Span, b.PromptTokens);

        // b pushed out a's last six blocks: a keeps five (640 tokens, under 1,024, so none reported); b is whole.
        Assert.Equal(16, cache.Count);
        Assert.Equal(0, cache.Admit(a.PromptBlocks.Span, a.PromptTokens));
        Assert.Equal(16, cache.Count);

        // a, now the most recent, pushed out b's tail: b keeps 5 blocks, a all 11 (10 reported: the last token is computed).
        Assert.Equal(0, cache.Admit(b.PromptBlocks.Span, b.PromptTokens));
        Assert.Equal(16, cache.Count);
    }

    [Fact]
    public void A_block_unused_for_its_time_to_live_is_gone_and_a_used_one_lives_on()
    {
        var clock = new FakeClock();
        var cache = new PrefixCache(new PrefixCacheOptions { TimeToLive = TimeSpan.FromMinutes(5) }, clock);
        var prompt = Parse(("system", Shared), ("user", "Hi"));

        cache.Admit(prompt.PromptBlocks.Span, prompt.PromptTokens);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(15 * 128, cache.Admit(prompt.PromptBlocks.Span, prompt.PromptTokens));
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(15 * 128, cache.Admit(prompt.PromptBlocks.Span, prompt.PromptTokens));
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, cache.Admit(prompt.PromptBlocks.Span, prompt.PromptTokens));
    }

    [Fact]
    public async Task Under_concurrent_requests_exactly_the_first_of_each_prompt_misses()
    {
        // Eight prompts of 10 blocks each in room for 96: nothing is evicted, so only each prompt's first arrival misses.
        var cache = new PrefixCache(new PrefixCacheOptions { CapacityTokens = 96 * 128 });
        var prompts = Enumerable.Range(0, 8).Select(i => Parse(("system", PromptText.OfTokens(1300, offset: i)), ("user", "Hi"))).ToArray();

        var cached = await Task.WhenAll(Enumerable.Range(0, 800).Select(i => Task.Run(() =>
        {
            var p = prompts[i % prompts.Length];
            return cache.Admit(p.PromptBlocks.Span, p.PromptTokens);
        })));

        Assert.Equal(8, cached.Count(c => c == 0));
        Assert.Equal(792, cached.Count(c => c == 1280));
        Assert.Equal(80, cache.Count);
    }

    internal static ChatRequest Parse(params (string Role, string Content)[] messages)
    {
        Assert.True(ChatRequestParser.TryParse(Encoding.UTF8.GetBytes(PromptText.Body(messages)), out var request, out var error, hashBlocks: true), error?.Message);
        return request;
    }
}
