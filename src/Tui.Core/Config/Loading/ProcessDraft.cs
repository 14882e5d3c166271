using System.Collections.Immutable;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>A dependency as written, before names are resolved against the other processes.</summary>
internal sealed record DependencyDraft(string Name, DependencyCondition Condition, TomlPosition Position);

/// <summary>
/// One [processes.NAME] table read and type-checked, before replicas are expanded, dependencies resolved
/// and the environment merged (those need every other table, and the replica index).
/// </summary>
internal sealed record ProcessDraft(
    string Name,
    TomlPosition Position,
    TomlPosition NamePosition,
    CommandSpec Command,
    string Cwd,
    TomlTable? Env,
    ImmutableArray<TomlString> EnvFiles,
    string? Group,
    bool Autostart,
    bool Disabled,
    int Replicas,
    RestartPolicy Restart,
    int? MaxRestarts,
    TimeSpan RestartWindow,
    BackoffConfig Backoff,
    int StopSignal,
    TimeSpan StopTimeout,
    ImmutableArray<DependencyDraft> DependsOn,
    TomlPosition? DependsOnPosition,
    ProcessKind Kind,
    bool Tty,
    WatchConfig? Watch);
