namespace Tui.Client;

/// <summary>The environment variables Tui sets in every child (the same names as Tui.Core's ProtocolEnvironment).</summary>
public static class TuiEnvironment
{
    /// <summary>Tui's Unix socket for this process: newline-delimited JSON messages.</summary>
    public const string Socket = "TUI_SOCKET";

    /// <summary>The process's name in the config (NAME, or NAME-i for a replica).</summary>
    public const string Process = "TUI_PROCESS";

    /// <summary>The 1-based replica index, set only when the process has replicas.</summary>
    public const string Replica = "TUI_REPLICA";

    /// <summary>How often to send a heartbeat, in milliseconds; set only when the process has a heartbeat_timeout.</summary>
    public const string HeartbeatMilliseconds = "TUI_HEARTBEAT_MS";

    /// <summary>The metadata given when the process was spawned from code or <c>tui run</c>: a JSON object; set only when there is some.</summary>
    public const string Metadata = "TUI_METADATA";
}
