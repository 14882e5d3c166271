namespace Tui.Core.Control.Wire;

/// <summary>
/// One line from the server: a reply to a request (<see cref="Id"/> set, <see cref="Ok"/> says whether it worked, and
/// <see cref="Error"/> why not) or, after subscribe, a push (<see cref="Push"/> = "snapshot", "event", "log" or "stats",
/// no id). Only the fields that apply are written.
/// </summary>
public sealed record ControlReply
{
    public long? Id { get; init; }
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Push { get; init; }
    public ServerInfo? Server { get; init; }
    public IReadOnlyList<ProcessInfo>? Processes { get; init; }
    public IReadOnlyList<string>? Affected { get; init; }
    public IReadOnlyList<LogEntry>? Logs { get; init; }
    public IReadOnlyList<StatsEntry>? Stats { get; init; }
    public EventInfo? Event { get; init; }

    public static ControlReply Failure(long? id, string error) => new() { Id = id, Ok = false, Error = error };
}

/// <summary>The hello reply: what runs behind this socket.</summary>
/// <param name="ConfigPath">The absolute path of the configuration the instance runs.</param>
/// <param name="Mode">"daemon", "monitor" or "headless".</param>
public sealed record ServerInfo(string ConfigPath, int Pid, int Protocol, string Mode);
