namespace Tui.Core.Protocol;

/// <summary>Every bound of the child protocol, with its reason. Past a bound a message is dropped and counted, never queued.</summary>
public static class ProtocolLimits
{
    /// <summary>A message is a heartbeat, a status or an event with a little data; 64 KiB is generous, and a 10 MB line is refused early.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>sd_notify messages are a few assignments; systemd itself reads at most a page.</summary>
    public const int MaxDatagramBytes = 4096;

    /// <summary>JSON nested deeper than this is not event data but an attack on the parser.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>A status is shown on one line beside the process; longer text is cut.</summary>
    public const int MaxStatusChars = 200;

    /// <summary>
    /// Messages a process may send per second, sustained, over all its ways in. A heartbeat a second and progress a few
    /// times a second use a tiny part; the screen shows at most a few dozen changes a second anyway.
    /// </summary>
    public const int MessagesPerSecond = 500;

    /// <summary>A burst allowed above the sustained rate (a job reporting a batch of events at once).</summary>
    public const int MessageBurst = 1000;

    /// <summary>Connections open at once per process: a child, its workers and a reconnect in flight; more is a leak or an attack.</summary>
    public const int MaxConnections = 8;

    /// <summary>
    /// Messages kept while no run is watched: a child may speak before Tui has finished starting it (sd_notify's STATUS at
    /// once), or while it is paused; more than this between two runs is not a child finding its feet.
    /// </summary>
    public const int MaxHeldMessages = 64;

    /// <summary>The longest path a Unix socket address holds on Linux (sun_path is 108 bytes with its terminating zero).</summary>
    public const int MaxSocketPathBytes = 107;
}
