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
    WatchConfig? Watch)
{
    /// <summary>The health, limit and child-protocol keys (readiness, liveness, limits, heartbeat_timeout, notify, events).</summary>
    public MonitoringDraft Monitoring { get; init; } = MonitoringDraft.None;

    /// <summary>stdin = true: the child's stdin is a pipe kept open for input.</summary>
    public bool Stdin { get; init; }

    /// <summary>A job's schedule and pool priority (schedule, timezone, every, overlap, priority).</summary>
    public JobDraft Job { get; init; } = JobDraft.None;
}

/// <summary>What a process asks Tui to watch besides its exit; copied as is onto each replica's <see cref="ProcessConfig"/>.</summary>
internal sealed record MonitoringDraft(
    HealthCheckConfig? Readiness,
    HealthCheckConfig? Liveness,
    LimitsConfig? Limits,
    TimeSpan? HeartbeatTimeout,
    bool Notify,
    ImmutableDictionary<string, EventSchema> Events)
{
    public static MonitoringDraft None { get; } = new(null, null, null, null, false, ImmutableDictionary<string, EventSchema>.Empty);

    public ProcessConfig ApplyTo(ProcessConfig process) => process with
    {
        Readiness = Readiness,
        Liveness = Liveness,
        Limits = Limits,
        HeartbeatTimeout = HeartbeatTimeout,
        Notify = Notify,
        Events = Events,
    };
}
