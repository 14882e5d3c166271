namespace Tui.Core.Processes;

/// <summary>A running child: the leader of its own process group (pid == pgid), with its output pipes.</summary>
public interface IChildProcess : IDisposable
{
    int Pid { get; }
    DateTimeOffset StartedAt { get; }

    /// <summary>The child's stdout (under a pty: the merged terminal output).</summary>
    Stream Stdout { get; }

    /// <summary>The child's stderr; null under a pty, where it is merged into <see cref="Stdout"/>.</summary>
    Stream? Stderr { get; }

    /// <summary>Where input to the child goes: its stdin pipe (kept open on request) or its pty; null when it has none.</summary>
    ChildInput? Input => null;

    /// <summary>Completes once the child has exited and been reaped.</summary>
    Task<ExitStatus> Exited { get; }

    /// <summary>Sends a signal to the child's whole process group; a no-op once the group is gone.</summary>
    void SignalGroup(int signal);
}

/// <summary>How a child ended: an exit code, or the signal that killed it.</summary>
public readonly record struct ExitStatus(int? Code, int? Signal)
{
    public bool Success => Code == 0;
    public override string ToString() => Signal is { } s ? $"signal {Signals.Name(s)}" : $"exit {Code}";
}
