using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ChatBench.Tests.Stubs;

/// <summary>The stub is reachable on loopback only unless an option asks otherwise.</summary>
public sealed class LoopbackBindingTests
{
    [Fact]
    public async Task The_stub_answers_on_loopback_but_not_on_the_machines_network_address()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.SkipWhen(address is null, "this machine has no network address besides loopback");

        using var stub = StubClient.Start();
        var cancellation = TestContext.Current.CancellationToken;
        using (var loopback = new TcpClient())
        {
            await loopback.ConnectAsync(IPAddress.Loopback, stub.Url.Port, cancellation);
            Assert.True(loopback.Connected);
        }

        using var outside = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => outside.ConnectAsync(address!, stub.Url.Port, cancellation).AsTask());
    }
}
