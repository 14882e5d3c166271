namespace Tui.Client;

/// <summary>How a <see cref="ProcessClient"/> finds Tui and keeps in touch; every member has a default for real use.</summary>
public sealed record ProcessClientOptions
{
    /// <summary>A dropped connection is tried again after this, then twice as long each time.</summary>
    public static readonly TimeSpan DefaultReconnectDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnect attempts: a restarted Tui is found within this.</summary>
    public static readonly TimeSpan DefaultMaxReconnectDelay = TimeSpan.FromSeconds(10);

    /// <summary>Where TUI_SOCKET and friends are read; null reads this process's environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The clock of heartbeats and reconnects.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the client says it is not under Tui, or lost it; null says nothing.</summary>
    public TextWriter? Warnings { get; init; } = Console.Error;

    /// <summary>Overrides TUI_HEARTBEAT_MS; null follows it (and sends no heartbeats when it is not set).</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>The wait before the first reconnect attempt (see <see cref="DefaultReconnectDelay"/>).</summary>
    public TimeSpan ReconnectDelay { get; init; } = DefaultReconnectDelay;

    /// <summary>The longest wait between reconnect attempts (see <see cref="DefaultMaxReconnectDelay"/>).</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = DefaultMaxReconnectDelay;
}
