using System.Net.Sockets;

namespace Tui.Core.Health.Probes;

/// <summary>Short words for the socket errors a probe meets, instead of the platform's long messages.</summary>
internal static class SocketErrors
{
    public static string Describe(SocketException error) => error.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.TimedOut => "connect timed out",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.AccessDenied => "permission denied",
        _ => error.Message,
    };
}
