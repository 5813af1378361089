using ChatBench.Stubs.Hosting;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub program's first line: one JSON object a caller reads back with the same type.</summary>
public sealed class StubAnnouncementTests
{
    [Fact]
    public void An_announcement_reads_back_as_written()
    {
        var announcement = new StubAnnouncement(new Uri("http://127.0.0.1:39211/v1"), 4242, Http2Only: true);

        Assert.True(StubAnnouncement.TryParse(announcement.ToJson(), out var back));
        Assert.Equal(announcement, back);
        Assert.DoesNotContain('\n', announcement.ToJson());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ChatBench stub listening on http://127.0.0.1:39211/v1 (time scale 1, seed 1, models gpt-4o).")]
    [InlineData("{\"processId\": 4242}")]
    [InlineData("{\"baseUrl\": \"/v1\", \"processId\": 4242}")]
    [InlineData("{not json")]
    public void Anything_else_is_not_an_announcement(string? line) => Assert.False(StubAnnouncement.TryParse(line, out _));
}
