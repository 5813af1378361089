using System.Text;
using ChatBench.Stubs.Protocol;

namespace ChatBench.Benchmarks.Clients;

/// <summary>
/// A response stream that passes every byte on unchanged and picks the stub's timing comment out of them on the way
/// (see <see cref="StubTiming"/>). The comment comes in the stream's last write, so it is looked for only in reads
/// that end a line; a comment split across two reads is missed and reported as absent, never guessed.
/// </summary>
internal sealed class StubTimingStream(Stream inner) : Stream
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes(StubTiming.CommentPrefix);

    public TimeSpan? FirstLate { get; private set; }

    public TimeSpan? LastLate { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Inspect(buffer.AsSpan(offset, read));
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOf(Marker);
        if (at < 0)
        {
            return;
        }

        var line = bytes[at..];
        var end = line.IndexOf((byte)'\n');
        if (end > 0 && StubTiming.TryParseComment(Encoding.ASCII.GetString(line[..end]), out var first, out var last))
        {
            FirstLate = TimeSpan.FromMicroseconds(first);
            LastLate = TimeSpan.FromMicroseconds(last);
        }
    }
}
