using System.Reactive.Concurrency;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Stats;

namespace Tui.Core.Supervision;

/// <summary>The engine's seams: how children start, what clock drives every timer, where samples and logs come from.</summary>
/// <param name="Launcher">Starts children (the real one on Linux; a fake in policy tests).</param>
/// <param name="Scheduler">Every delay, timeout and interval of the engine, its logs and its stats runs on this clock.</param>
public sealed record SupervisorOptions(IProcessLauncher Launcher, IScheduler Scheduler)
{
    /// <summary>How often a sample is taken: often enough for a lively sparkline, rare enough to cost nothing.</summary>
    public static readonly TimeSpan DefaultStatsInterval = TimeSpan.FromSeconds(1);

    /// <summary>Per-process-tree CPU and memory (<see cref="ProcStatsSource"/> in production); null takes no samples.</summary>
    public IStatsSource? StatsSource { get; init; }

    public TimeSpan StatsInterval { get; init; } = DefaultStatsInterval;

    /// <summary>How logs are kept; null derives them from the config's [settings] (a file only if log_dir is set).</summary>
    public LogOptions? Log { get; init; }

    /// <summary>The step between Running and Ready.</summary>
    public IReadinessCheck Readiness { get; init; } = ImmediateReadiness.Instance;

    /// <summary>Health checks, limits and the child protocol (Tui's <c>ProcessMonitor</c>); when set it decides readiness instead of <see cref="Readiness"/>.</summary>
    public IRunMonitor? Monitor { get; init; }

    /// <summary>The environment children inherit before their config env; null takes this process's environment.</summary>
    public IReadOnlyDictionary<string, string>? BaseEnvironment { get; init; }

    /// <summary>
    /// Watches processes' <c>watch</c> paths (restart on change) and, with <see cref="WatchConfig"/>, the config file and
    /// its env files (live reload); <c>SystemFileWatcher.Instance</c> in production, null watches nothing.
    /// </summary>
    public Watching.IFileWatcher? FileWatcher { get; init; }

    /// <summary>With a <see cref="FileWatcher"/>: reload when the config file or its env files change.</summary>
    public bool WatchConfig { get; init; } = true;

    /// <summary>Available memory and load, for the pool's admission (settings.min_free_memory and max_load).</summary>
    public Jobs.ISystemLoad SystemLoad { get; init; } = Jobs.ProcSystemLoad.Instance;

    /// <summary>While a queued job waits for memory or load, how often they are read again.</summary>
    public TimeSpan AdmissionInterval { get; init; } = DefaultAdmissionInterval;

    /// <summary>Often enough that a freed machine starts the next job promptly, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan DefaultAdmissionInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an ended run's output may still be read before its exit is reported without the rest (on
    /// <see cref="Scheduler"/>, as every engine delay). Only a descendant that left the process group, and so escaped
    /// its SIGKILL, can hold the pipes open that long. Zero reports exits at once (children whose output is not a pipe
    /// that ends with them, as in tests).
    /// </summary>
    public TimeSpan OutputGrace { get; init; } = DefaultOutputGrace;

    /// <summary>Far more than a reader needs to drain a pipe on a busy machine, little for a process seen down late.</summary>
    public static readonly TimeSpan DefaultOutputGrace = TimeSpan.FromSeconds(1);
}
