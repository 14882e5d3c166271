namespace Tui.Core.Protocol;

/// <summary>Why a message from a child was not applied.</summary>
public enum DropReason
{
    /// <summary>Not JSON, not a known message type, or a marker that does not parse.</summary>
    Malformed,
    /// <summary>Longer than <see cref="ProtocolLimits.MaxLineBytes"/> (or a datagram longer than <see cref="ProtocolLimits.MaxDatagramBytes"/>).</summary>
    Oversized,
    /// <summary>Over the rate limit.</summary>
    Flooding,
    /// <summary>From a peer that is not the child: another user, or a process outside the child's process group.</summary>
    Refused,
    /// <summary>An event that is not declared, or whose data does not match its schema.</summary>
    Invalid,
    /// <summary>Sent while no run of the process was being watched (between runs, or while paused).</summary>
    NoRun,
}
