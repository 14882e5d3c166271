using System.Net.Sockets;

namespace Tui.Core.Health.Probes;

/// <summary>Healthy when a connection to a Unix stream socket is accepted; the connection is closed at once.</summary>
public sealed class UnixSocketProbe(string path) : IProbe
{
    public async Task<ProbeResult> RunAsync(CancellationToken cancel)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancel).ConfigureAwait(false);
            return ProbeResult.Pass("connected");
        }
        catch (SocketException e)
        {
            return ProbeResult.Fail(e.SocketErrorCode == SocketError.AddressNotAvailable ? $"no socket at {path}" : SocketErrors.Describe(e));
        }
    }
}
