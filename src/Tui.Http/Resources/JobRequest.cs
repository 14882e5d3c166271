using System.Collections.Immutable;
using System.Text.Json;
using Tui.Core.Supervision;

namespace Tui.Http.Resources;

/// <summary>
/// <c>POST /jobs</c>: an ad-hoc job, as <c>tui run</c> adds one: executed without a shell, in the group "adhoc".
/// </summary>
/// <param name="Name">Unique among the running processes.</param>
/// <param name="Argv">The program and its arguments.</param>
/// <param name="Cwd">An absolute folder; null: the config file's folder.</param>
/// <param name="Env">Variables over the config's [env].</param>
/// <param name="Restart">Restart on failure instead of never.</param>
/// <param name="Metadata">A JSON object handed to the child as TUI_METADATA.</param>
public sealed record JobRequest(
    string? Name,
    IReadOnlyList<string>? Argv,
    string? Cwd = null,
    IReadOnlyDictionary<string, string>? Env = null,
    bool? Restart = null,
    JsonElement? Metadata = null)
{
    /// <summary>The job the engine runs; its own checks (<see cref="AdHocJob.Problem"/>) apply there.</summary>
    public AdHocJob ToAdHocJob() => new(Name ?? "", Argv is null ? [] : [.. Argv], Cwd, Restart == true)
    {
        Env = Env?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty,
        MetadataJson = Metadata is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } m ? m.GetRawText() : null,
    };
}
