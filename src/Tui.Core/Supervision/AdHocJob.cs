using System.Collections.Immutable;
using Tui.Core.Config;
using Tui.Core.Config.Loading;
using Tui.Core.Processes;

namespace Tui.Core.Supervision;

/// <summary>
/// tui run: a job added to a running instance without a config entry. It gets what a config job would get by
/// default, with the global [env] and TUI_PROCESS, in <see cref="Group"/> so it reads apart from the configured ones.
/// </summary>
/// <param name="Name">Unique among the running processes.</param>
/// <param name="Argv">Executed directly (no shell); a shell line is <c>sh -c LINE</c>.</param>
/// <param name="Cwd">Absolute folder to run in; null: the config file's folder, as for a configured process.</param>
/// <param name="RestartOnFailure">restart = "on-failure" instead of "no".</param>
public sealed record AdHocJob(string Name, ImmutableArray<string> Argv, string? Cwd, bool RestartOnFailure)
{
    /// <summary>The group every ad-hoc job is in: <c>tui stop @adhoc</c> reaches them all.</summary>
    public const string Group = "adhoc";

    /// <summary>The variable that carries <see cref="MetadataJson"/> to the child (and <c>ProcessClient.Metadata</c>).</summary>
    public const string MetadataVariable = "TUI_METADATA";

    /// <summary>The job's own variables, over the global [env] (TUI_PROCESS and TUI_METADATA cannot be overridden).</summary>
    public ImmutableDictionary<string, string> Env { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>A JSON object given at spawn, handed to the child as <see cref="MetadataVariable"/>; null: none.</summary>
    public string? MetadataJson { get; init; }

    /// <summary>Why the request cannot become a process, or null when it can.</summary>
    public string? Problem() => this switch
    {
        { Name: var n } when string.IsNullOrWhiteSpace(n) => "run needs a name",
        { Name: var n } when n.StartsWith('@') || n == "all" || n.Any(char.IsWhiteSpace) =>
            $"\"{Name}\" cannot name a process (no spaces, no leading @, not \"all\")",
        { Argv.IsDefaultOrEmpty: true } => $"run {Name} needs a command",
        { Cwd: { } cwd } when !Path.IsPathFullyQualified(cwd) => $"run {Name}: the working folder must be absolute, not \"{cwd}\"",
        _ when Env.Keys.FirstOrDefault(k => k.Length == 0 || k.Contains('=') || k.Contains('\0')) is { } bad =>
            $"run {Name}: \"{bad}\" cannot name an environment variable",
        _ when MetadataJson is { } json && !IsJsonObject(json) => $"run {Name}: metadata must be a JSON object",
        _ => null,
    };

    /// <summary>
    /// The process config, as the loader would make it for a [processes.NAME] table with kind = "job", but for its
    /// <see cref="ProcessConfig.Definition"/>, which is written once the caller has refined it (<see cref="Defined"/>).
    /// </summary>
    public ProcessConfig ToConfig(TuiConfig config)
    {
        var process = new ProcessConfig(
            Name: Name,
            BaseName: Name,
            ReplicaIndex: null,
            Command: new CommandSpec.Exec(Argv),
            Cwd: Cwd ?? Path.GetDirectoryName(Path.GetFullPath(config.SourcePath))!,
            Env: ChildEnv(config),
            Group: Group,
            Autostart: true,
            Disabled: false,
            Restart: RestartOnFailure ? RestartPolicy.OnFailure : RestartPolicy.No,
            MaxRestarts: null,
            RestartWindow: ProcessReader.DefaultRestartWindow,
            Backoff: BackoffConfig.Default,
            StopSignal: Signals.SIGTERM,
            StopTimeout: ProcessReader.DefaultStopTimeout,
            DependsOn: [],
            Kind: ProcessKind.Job,
            Tty: false,
            Watch: null,
            Definition: "",
            Position: default);
        return process with { MetadataJson = MetadataJson };
    }

    /// <summary>The config with its definition text written, as a reload compares it.</summary>
    public static ProcessConfig Defined(ProcessConfig process) => process with { Definition = DefinitionText.Of(process) };

    private ImmutableDictionary<string, string> ChildEnv(TuiConfig config)
    {
        var env = config.Env.SetItems(Env).SetItem(ProcessAssembler.ProcessVariable, Name);
        return MetadataJson is null ? env.Remove(MetadataVariable) : env.SetItem(MetadataVariable, MetadataJson);
    }

    private static bool IsJsonObject(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
