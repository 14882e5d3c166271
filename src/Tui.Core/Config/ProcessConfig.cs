using System.Collections.Immutable;

namespace Tui.Core.Config;

public enum RestartPolicy { No, OnFailure, Always }

/// <summary>A service runs until stopped (an exit is a crash or a stop); a job is expected to finish (its exit is final).</summary>
public enum ProcessKind { Service, Job }

public enum DependencyCondition { Started, Healthy, CompletedSuccessfully }

public sealed record Dependency(string Name, DependencyCondition Condition);

/// <summary>Exponential backoff between restarts; the delay resets once a run has stayed up for <paramref name="ResetAfter"/>.</summary>
public sealed record BackoffConfig(TimeSpan Initial, double Factor, TimeSpan Max, TimeSpan ResetAfter)
{
    public static BackoffConfig Default { get; } = new(TimeSpan.FromMilliseconds(500), 2.0, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

    /// <summary>The delay before restart number <paramref name="attempt"/> (1-based) of a crash streak.</summary>
    public TimeSpan DelayFor(int attempt)
    {
        if (attempt <= 1) return Initial;
        var ms = Initial.TotalMilliseconds * Math.Pow(Factor, attempt - 1);
        return ms >= Max.TotalMilliseconds || double.IsInfinity(ms) ? Max : TimeSpan.FromMilliseconds(ms);
    }
}

/// <summary>
/// One supervised process (one replica, when replicas &gt; 1). Collections are immutable;
/// <see cref="Definition"/> is a canonical text of everything that affects how the process runs,
/// so that a reload can tell "changed" from "unchanged" without reference equality.
/// </summary>
/// <param name="Name">Unique name (NAME, or NAME-i for replicas).</param>
/// <param name="BaseName">The table name under [processes].</param>
/// <param name="ReplicaIndex">1-based replica index, or null when replicas = 1.</param>
/// <param name="Env">The child's extra environment, fully interpolated (global [env], env files, process env, TUI_* variables).</param>
/// <param name="Cwd">Absolute working directory (relative paths resolve against the config file's folder).</param>
/// <param name="MaxRestarts">At most this many restarts within <paramref name="RestartWindow"/>, then the state is failed; null is unlimited.</param>
/// <param name="StopSignal">Signal number sent first on stop (SIGTERM = 15 by default).</param>
/// <param name="Tty">Run under a pseudo-terminal, for programs that buffer or drop colour when piped.</param>
/// <param name="Position">Where the process's table starts in the config, for messages.</param>
public sealed record ProcessConfig(
    string Name,
    string BaseName,
    int? ReplicaIndex,
    CommandSpec Command,
    string Cwd,
    ImmutableDictionary<string, string> Env,
    string? Group,
    bool Autostart,
    bool Disabled,
    RestartPolicy Restart,
    int? MaxRestarts,
    TimeSpan RestartWindow,
    BackoffConfig Backoff,
    int StopSignal,
    TimeSpan StopTimeout,
    ImmutableArray<Dependency> DependsOn,
    ProcessKind Kind,
    bool Tty,
    WatchConfig? Watch,
    string Definition,
    Tui.Toml.TomlPosition Position)
{
    /// <summary>Gates the Ready state (and dependants waiting for "healthy"); null: ready once running (or on READY=1 with <see cref="Notify"/>).</summary>
    public HealthCheckConfig? Readiness { get; init; }

    /// <summary>Restarts the process (by its restart policy) after <see cref="HealthCheckConfig.Retries"/> failures in a row; null: none.</summary>
    public HealthCheckConfig? Liveness { get; init; }

    /// <summary>Memory, CPU and runtime limits; null: none.</summary>
    public LimitsConfig? Limits { get; init; }

    /// <summary>The watchdog: a child silent for this long (no heartbeat, no WATCHDOG=1) goes stale, then unhealthy, then is restarted.</summary>
    public TimeSpan? HeartbeatTimeout { get; init; }

    /// <summary>Speaks systemd's sd_notify: NOTIFY_SOCKET is set, and the process is ready on READY=1.</summary>
    public bool Notify { get; init; }

    /// <summary>stdin = true: the child's stdin is a pipe kept open, so the monitor's input mode and tui send can write to it (a tty child's input is its pty).</summary>
    public bool Stdin { get; init; }

    /// <summary>A job's schedule (cron or interval); null: it runs when started, as any process.</summary>
    public ScheduleConfig? Schedule { get; init; }

    /// <summary>A job's place in the pool's queue: higher goes first, equal ones in FIFO order. Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>A JSON object given when the process was spawned from code or the API (also in its TUI_METADATA); null: none.</summary>
    public string? MetadataJson { get; init; }

    /// <summary>The events the child may send, by name (progress is always allowed).</summary>
    public ImmutableDictionary<string, EventSchema> Events { get; init; } = ImmutableDictionary<string, EventSchema>.Empty;
}

/// <summary>What to run: a shell line (run by /bin/sh -c) or an argv executed directly.</summary>
public abstract record CommandSpec
{
    /// <summary>The argv actually executed.</summary>
    public abstract ImmutableArray<string> Argv { get; }

    /// <summary>How to show the command to a person.</summary>
    public abstract string Display { get; }

    public sealed record Shell(string Line) : CommandSpec
    {
        public override ImmutableArray<string> Argv => ImmutableArray.Create("/bin/sh", "-c", Line);
        public override string Display => Line;
    }

    public sealed record Exec(ImmutableArray<string> Arguments) : CommandSpec
    {
        public override ImmutableArray<string> Argv => Arguments;
        public override string Display => string.Join(' ', Arguments.Select(a => a.Contains(' ') ? $"'{a}'" : a));
    }
}

/// <summary>File watching for a process (hot reload issue): globs relative to the process's cwd.</summary>
public sealed record WatchConfig(
    ImmutableArray<string> Paths,
    ImmutableArray<string> Ignore,
    TimeSpan Debounce,
    int? Signal);
