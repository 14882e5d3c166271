using System.Reactive.Concurrency;
using Tui.Core.Logs;
using Tui.Core.Processes;

namespace Tui.Core.Supervision;

/// <summary>The engine's seams: how children start, what clock drives every timer, where samples and logs come from.</summary>
/// <param name="Launcher">Starts children (the real one on Linux; a fake in policy tests).</param>
/// <param name="Scheduler">Every delay, timeout and interval of the engine, its logs and its stats runs on this clock.</param>
public sealed record SupervisorOptions(IProcessLauncher Launcher, IScheduler Scheduler)
{
    /// <summary>How logs are kept; null derives them from the config's [settings] (a file only if log_dir is set).</summary>
    public LogOptions? Log { get; init; }

    /// <summary>The step between Running and Ready.</summary>
    public IReadinessCheck Readiness { get; init; } = ImmediateReadiness.Instance;

    /// <summary>The environment children inherit before their config env; null takes this process's environment.</summary>
    public IReadOnlyDictionary<string, string>? BaseEnvironment { get; init; }

    /// <summary>
    /// Watches processes' <c>watch</c> paths (restart on change) and, with <see cref="WatchConfig"/>, the config file and
    /// its env files (live reload); <c>SystemFileWatcher.Instance</c> in production, null watches nothing.
    /// </summary>
    public Watching.IFileWatcher? FileWatcher { get; init; }

    /// <summary>With a <see cref="FileWatcher"/>: reload when the config file or its env files change.</summary>
    public bool WatchConfig { get; init; } = true;
}
