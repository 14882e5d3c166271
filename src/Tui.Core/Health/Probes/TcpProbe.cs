using System.Net.Sockets;

namespace Tui.Core.Health.Probes;

/// <summary>Healthy when a TCP connection to host:port is accepted; the connection is closed at once.</summary>
public sealed class TcpProbe(string host, int port) : IProbe
{
    public async Task<ProbeResult> RunAsync(CancellationToken cancel)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(host, port, cancel).ConfigureAwait(false);
            return ProbeResult.Pass("connected");
        }
        catch (SocketException e)
        {
            return ProbeResult.Fail(SocketErrors.Describe(e));
        }
    }
}
