namespace Tui.Core.Config;

/// <summary>
/// [settings.api]: the HTTP API served beside the control socket by up and up -d (tui serve always serves).
/// </summary>
/// <param name="Enabled">Serve the API; off unless the table says so.</param>
/// <param name="Listen">null: a unix socket beside the control socket (0600); otherwise an address such as 127.0.0.1:7070,
/// served only with the bearer token kept in the state dir.</param>
public sealed record ApiSettings(bool Enabled, string? Listen)
{
    public static ApiSettings Off { get; } = new(false, null);
}
