namespace Tui.Core.Control;

/// <summary>
/// The operations of the control protocol (the "op" of a request). One JSON object per line each way; see
/// <see cref="Wire.ControlRequest"/> and <see cref="Wire.ControlReply"/>.
/// </summary>
public static class ControlOps
{
    /// <summary>Bumped when a change would break an older client; sent in the hello reply.</summary>
    public const int ProtocolVersion = 1;

    /// <summary>Who is serving: config path, pid, protocol version.</summary>
    public const string Hello = "hello";
    /// <summary>Every process's snapshot, in config order.</summary>
    public const string Ps = "ps";
    /// <summary>One process's snapshot ("process").</summary>
    public const string Status = "status";
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Restart = "restart";
    public const string Pause = "pause";
    public const string Resume = "resume";
    /// <summary>Lines of one process's ring ("process", "tail", "since", "stderr").</summary>
    public const string Logs = "logs";
    /// <summary>The stats history of one process ("process").</summary>
    public const string Stats = "stats";
    /// <summary>Replies with the current snapshot, then pushes snapshots, events, log lines and stats until the connection closes.</summary>
    public const string Subscribe = "subscribe";
    /// <summary>Stops every process, then the instance (a daemon exits; a monitor or headless run ends).</summary>
    public const string Down = "down";
    /// <summary>Re-reads the config file and applies what changed ("affected": added, removed, changed); an invalid file changes nothing ("error").</summary>
    public const string Reload = "reload";
    /// <summary>Adds a job ("process", "argv", optional "cwd" and "restart") and starts it ("affected": its name); a name in use is refused.</summary>
    public const string Run = "run";
    /// <summary>Writes "text" (UTF-8, nothing added) to the input of "process" (its stdin pipe or pty); refused for a process without stdin.</summary>
    public const string Send = "send";

    /// <summary>The ops that take a NAME|@GROUP|all "target".</summary>
    public static readonly IReadOnlySet<string> TargetOps = new HashSet<string> { Start, Stop, Restart, Pause, Resume };
}
