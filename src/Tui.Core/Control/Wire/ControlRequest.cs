using System.Collections.Immutable;
using System.Text.Json;
using Tui.Core.Supervision;

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
/// <param name="Env">run: the job's own variables.</param>
/// <param name="Metadata">run: a JSON object handed to the child as TUI_METADATA.</param>
/// <param name="Text">send: what to write to the process's input, as is.</param>
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
    bool? Restart = null,
    IReadOnlyDictionary<string, string>? Env = null,
    JsonElement? Metadata = null,
    string? Text = null)
{
    /// <summary>The run request for <paramref name="job"/>.</summary>
    public static ControlRequest Run(AdHocJob job) => new(0, ControlOps.Run, Process: job.Name, Argv: job.Argv, Cwd: job.Cwd,
        Restart: job.RestartOnFailure, Env: job.Env.IsEmpty ? null : job.Env,
        Metadata: job.MetadataJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null);

    /// <summary>The send request writing <paramref name="text"/> to <paramref name="process"/>'s input.</summary>
    public static ControlRequest Send(string process, string text) => new(0, ControlOps.Send, Process: process, Text: text);

    /// <summary>The job a run request asks for (its name and argv checked by the caller).</summary>
    public AdHocJob ToAdHocJob() => new(Process!, [.. Argv!], Cwd, Restart == true)
    {
        Env = Env?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty,
        MetadataJson = Metadata is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } m ? m.GetRawText() : null,
    };
}
