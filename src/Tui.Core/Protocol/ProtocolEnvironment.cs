namespace Tui.Core.Protocol;

/// <summary>
/// The variables that tell a child how to talk to Tui (besides TUI_PROCESS and TUI_REPLICA, which every child gets
/// from the config). Tui.Client reads the same names.
/// </summary>
public static class ProtocolEnvironment
{
    /// <summary>The Unix stream socket for newline-delimited JSON messages.</summary>
    public const string Socket = "TUI_SOCKET";

    /// <summary>How often to send a heartbeat, in milliseconds (a third of heartbeat_timeout); set only when a watchdog is configured.</summary>
    public const string HeartbeatMilliseconds = "TUI_HEARTBEAT_MS";

    /// <summary>systemd's variable: the datagram socket for sd_notify (set with notify = true).</summary>
    public const string NotifySocket = "NOTIFY_SOCKET";

    /// <summary>systemd's variable: the watchdog period in microseconds (set with notify = true and heartbeat_timeout).</summary>
    public const string WatchdogMicroseconds = "WATCHDOG_USEC";

    /// <summary>Heartbeats per timeout: one lost or late heartbeat must not make a healthy child look stale.</summary>
    public const int HeartbeatsPerTimeout = 3;
}
