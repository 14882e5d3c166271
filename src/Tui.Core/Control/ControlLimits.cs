namespace Tui.Core.Control;

/// <summary>The bounds that keep one client from costing the engine memory or time.</summary>
public static class ControlLimits
{
    /// <summary>A request is a small object; 64 KiB leaves room for long names and still bounds a line with no newline.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>
    /// Lines waiting to be written to one client. A subscriber that reads slower than the engine produces (a stopped
    /// ssh, a suspended monitor) is disconnected when this fills, rather than holding memory or blocking the engine.
    /// </summary>
    public const int MaxQueuedLines = 20_000;

    /// <summary>Clients connected at once; more are refused (a runaway script that never closes must not exhaust fds).</summary>
    public const int MaxConnections = 64;

    /// <summary>A reply line can carry a whole log ring; 64 MiB bounds what a client buffers for one line.</summary>
    public const int MaxReplyBytes = 64 * 1024 * 1024;

    /// <summary>sun_path of a Unix socket address on Linux holds 108 bytes including the terminating NUL.</summary>
    public const int MaxSocketPathBytes = 107;
}
