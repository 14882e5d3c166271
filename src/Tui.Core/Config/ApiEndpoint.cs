using System.Net;
using System.Net.Sockets;

namespace Tui.Core.Config;

/// <summary>
/// Where the HTTP API listens (tui serve --listen, settings.api.listen): a unix socket (the default, guarded by its 0600 mode) or a TCP address (guarded by the bearer
/// token). A TCP address is parsed from <c>HOST:PORT</c> or a bare <c>PORT</c> (meaning 127.0.0.1).
/// </summary>
public abstract record ApiEndpoint
{
    /// <summary>A unix socket at <paramref name="Path"/>.</summary>
    public sealed record Unix(string Path) : ApiEndpoint
    {
        public override string ToString() => "unix:" + Path;
    }

    /// <summary>A TCP address; port 0 lets the system choose one (the server reports the one it got).</summary>
    public sealed record Tcp(IPAddress Address, int Port) : ApiEndpoint
    {
        /// <summary>127.0.0.0/8 or ::1: reachable only from this machine.</summary>
        public bool IsLoopback => IPAddress.IsLoopback(Address);

        public override string ToString() => $"http://{new IPEndPoint(Address, Port)}";
    }

    /// <summary>
    /// Parses a --listen or settings.api.listen text: <c>127.0.0.1:7070</c>, <c>[::1]:7070</c>, <c>localhost:7070</c>,
    /// <c>7070</c> or <c>unix:PATH</c>. Host names other than localhost are refused: the API binds to addresses, and a
    /// name that resolves elsewhere later must not move it.
    /// </summary>
    /// <param name="baseDirectory">What a relative unix: path is relative to (the config's folder); null: the working folder.</param>
    public static bool TryParse(string text, out ApiEndpoint? endpoint, out string? error, string? baseDirectory = null)
    {
        endpoint = null;
        error = null;
        text = text.Trim();
        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = text["unix:".Length..];
            if (path.Length == 0)
            {
                error = "unix: needs a socket path";
                return false;
            }
            endpoint = new Unix(baseDirectory is null ? System.IO.Path.GetFullPath(path) : System.IO.Path.GetFullPath(path, baseDirectory));
            return true;
        }
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? "127.0.0.1" : text[..colon];
        var portText = colon < 0 ? text : text[(colon + 1)..];
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, null, out var port) || port > 65535)
        {
            error = $"expected HOST:PORT, PORT or unix:PATH, got \"{text}\"";
            return false;
        }
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        IPAddress? address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : null;
        if (address is null && !IPAddress.TryParse(host, out address))
        {
            error = $"\"{host}\" is not an IP address (or localhost)";
            return false;
        }
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            error = $"\"{host}\" is not an IPv4 or IPv6 address";
            return false;
        }
        endpoint = new Tcp(address, port);
        return true;
    }

    /// <summary>The endpoint of <paramref name="text"/>; throws <see cref="FormatException"/> with the reason.</summary>
    public static ApiEndpoint Parse(string text) =>
        TryParse(text, out var endpoint, out var error) ? endpoint! : throw new FormatException(error);
}
