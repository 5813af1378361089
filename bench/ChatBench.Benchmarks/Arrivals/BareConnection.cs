using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;

namespace ChatBench.Benchmarks.Arrivals;

/// <summary>
/// One keep-alive HTTP/1.1 connection of the <see cref="BareOpenLoopSender"/>: a socket written with pre-built request
/// bytes and read by a loop of its own into one buffer, which finds where each response ends (its Content-Length, or
/// the last chunk of a chunked stream) and reads the status and the usage's completion tokens from it.
/// </summary>
public sealed class BareConnection : IDisposable
{
    private static readonly byte[] LastChunk = "\r\n0\r\n\r\n"u8.ToArray();
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\nContent-Length: "u8.ToArray();
    private static readonly byte[] CompletionTokens = "\"completion_tokens\":"u8.ToArray();

    private readonly Socket socket;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int length;

    private BareConnection(Socket socket, int number)
    {
        this.socket = socket;
        Number = number;
    }

    /// <summary>The connection's place among its sender's.</summary>
    public int Number { get; }

    /// <summary>The request this connection carries now, set by the sender before it writes.</summary>
    public int Current { get; set; }

    public static async Task<BareConnection> OpenAsync(EndPoint server, int number)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return new BareConnection(socket, number);
    }

    /// <summary>Writes a whole request; a loopback socket's buffer takes it in one call.</summary>
    public void Send(byte[] request)
    {
        for (var sent = 0; sent < request.Length;)
        {
            sent += socket.Send(request.AsSpan(sent));
        }
    }

    /// <summary>Reads responses until the connection closes, calling <paramref name="answered"/> with each one's status and completion tokens.</summary>
    public async Task ReceiveAsync(Action<BareConnection, int, int?> answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        while (await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None) is var read && read > 0)
        {
            length += read;
            var response = buffer.AsSpan(0, length);
            if (Ended(response))
            {
                var status = Utf8Parser.TryParse(response[9..], out int code, out _) ? code : 0;
                var at = response.IndexOf(CompletionTokens);
                int? tokens = at >= 0 && Utf8Parser.TryParse(response[(at + CompletionTokens.Length)..], out int count, out _) ? count : null;
                length = 0;
                answered(this, status, tokens);
            }
            else if (length == buffer.Length)
            {
                throw new InvalidDataException($"A response outgrew the bare sender's {buffer.Length} bytes: send shorter answers.");
            }
        }
    }

    public void Dispose() => socket.Dispose();

    private static bool Ended(ReadOnlySpan<byte> response)
    {
        var headerEnd = response.IndexOf(HeaderEnd);
        if (headerEnd < 0)
        {
            return false;
        }

        var header = response[..headerEnd];
        var at = header.IndexOf(ContentLength);
        return at >= 0 && Utf8Parser.TryParse(header[(at + ContentLength.Length)..], out int body, out _)
            ? response.Length >= headerEnd + HeaderEnd.Length + body
            : response.EndsWith(LastChunk);
    }
}
