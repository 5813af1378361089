using System.Globalization;

namespace ChatBench.Stubs.Protocol;

/// <summary>
/// The stub's report of its own timing error, for clients that ask with <see cref="RequestHeader"/>: how much later
/// than planned it handed the answer's bytes to the server, so a client can tell the stub's error from its own.
/// A non-streaming answer carries it in the <see cref="LateHeader"/> response header (set when the body is written);
/// a stream's headers go out before any token, so a stream carries it in an SSE comment before <c>data: [DONE]</c>,
/// which every SSE parser skips. Nothing is added unless asked, so ordinary clients see OpenAI's bytes only.
/// </summary>
internal static class StubTiming
{
    public const string RequestHeader = "x-chatbench-timing";

    /// <summary>Microseconds between when the whole answer was due and when the stub wrote it.</summary>
    public const string LateHeader = "x-stub-late-us";

    /// <summary>
    /// The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the stub started handling the request: on one
    /// machine a client's Stopwatch reads the same monotonic clock, so it splits the client's send from the way back.
    /// </summary>
    public const string StartedHeader = "x-stub-started-at";

    /// <summary>Starts the stream's comment: <c>: stub-late-us first=N last=N</c>, the first and last content token's lateness.</summary>
    public const string CommentPrefix = ": stub-late-us ";

    internal static string Microseconds(TimeSpan late) =>
        ((long)Math.Round(late.TotalMicroseconds)).ToString(CultureInfo.InvariantCulture);

    internal static byte[] Comment(TimeSpan firstLate, TimeSpan lastLate) =>
        System.Text.Encoding.ASCII.GetBytes($"{CommentPrefix}first={Microseconds(firstLate)} last={Microseconds(lastLate)}\n\n");

    /// <summary>Reads a comment line's first and last lateness in microseconds; false for any other line.</summary>
    public static bool TryParseComment(ReadOnlySpan<char> line, out long firstUs, out long lastUs)
    {
        firstUs = lastUs = 0;
        if (!line.StartsWith(CommentPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[CommentPrefix.Length..].Trim();
        var space = rest.IndexOf(' ');
        return space > 0
            && rest[..space].StartsWith("first=", StringComparison.Ordinal)
            && rest[(space + 1)..].StartsWith("last=", StringComparison.Ordinal)
            && long.TryParse(rest["first=".Length..space], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out firstUs)
            && long.TryParse(rest[(space + 1 + "last=".Length)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out lastUs);
    }
}
