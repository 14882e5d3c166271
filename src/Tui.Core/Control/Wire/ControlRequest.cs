namespace Tui.Core.Control.Wire;

/// <summary>
/// One request line: <c>{"id":1,"op":"stop","target":"@web"}</c>. The reply carries the same id.
/// Unknown fields are ignored, so a newer client can talk to an older server for the ops both know.
/// </summary>
/// <param name="Target">NAME, @GROUP or all, for start/stop/restart/pause/resume.</param>
/// <param name="Process">One process name, for status, logs and stats.</param>
/// <param name="Tail">logs: at most this many lines (the newest).</param>
/// <param name="Since">logs: only lines at or after this time.</param>
/// <param name="Stderr">logs: only stderr lines.</param>
/// <param name="System">logs: false leaves out the lines Tui itself writes into a process's log (started, exited).</param>
/// <param name="Argv">run: the command to execute (no shell); the job's name is in <paramref name="Process"/>.</param>
/// <param name="Cwd">run: the client's working folder (absolute), where the job runs.</param>
/// <param name="Restart">run: restart on failure instead of never.</param>
public sealed record ControlRequest(
    long Id,
    string Op,
    string? Target = null,
    string? Process = null,
    int? Tail = null,
    DateTimeOffset? Since = null,
    bool? Stderr = null,
    bool? System = null,
    IReadOnlyList<string>? Argv = null,
    string? Cwd = null,
    bool? Restart = null);
