using System.Collections.Immutable;
using System.Reactive.Concurrency;

namespace Tui.Jobs;

/// <summary>
/// How a <see cref="ProcessManager"/> is set up: immutable, each With* method returns a new instance
/// (<c>ProcessManager.Create(o => o.WithLogDirectory("logs").WithMaxConcurrent(8))</c>).
/// </summary>
public sealed record ProcessManagerOptions
{
    private static int _managers;

    /// <summary>The defaults: logs in memory only, no history, no pool limit, the real clock, no control socket.</summary>
    public static ProcessManagerOptions Default => new();

    /// <summary>
    /// The manager's name; relative to <see cref="WorkingDirectory"/> it is the path <c>tui ps -c NAME</c> and
    /// <c>tui attach -c NAME</c> use to find it when it serves its control socket. Default: unique to the manager.
    /// </summary>
    public string Name { get; init; } = $"jobs-{System.Environment.ProcessId}-{Interlocked.Increment(ref _managers)}";

    /// <summary>Where processes run unless their definition says otherwise; default: the current directory.</summary>
    public string WorkingDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>A folder for per-process log files (rotated); null: output is kept in memory only.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>A SQLite file recording every run, transition and restart (what <c>tui history</c> reads); null: none.</summary>
    public string? HistoryPath { get; init; }

    /// <summary>At most this many jobs run at once, the rest queue (FIFO within priority); null: no limit.</summary>
    public int? MaxConcurrentJobs { get; init; }

    /// <summary>How long disposing the manager waits for processes to stop before it SIGKILLs what is left.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Variables every process gets, under its own.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Whether <c>tui ps</c>, <c>tui stop</c>, <c>tui attach</c>... reach this manager by its <see cref="Name"/>.</summary>
    public bool ControlSocket { get; init; }

    /// <summary>The clock of every timer (grace periods, restart delays, limits, schedules); null: real time. Tests pass a virtual one.</summary>
    public IScheduler? Scheduler { get; init; }

    /// <summary>Names the manager (see <see cref="Name"/>).</summary>
    public ProcessManagerOptions WithName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return this with { Name = name };
    }

    /// <summary>Sets the default working directory of processes (relative: to the current directory).</summary>
    public ProcessManagerOptions WithWorkingDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return this with { WorkingDirectory = Path.GetFullPath(path) };
    }

    /// <summary>Keeps each process's output in rotated files in <paramref name="path"/> as well as in memory.</summary>
    public ProcessManagerOptions WithLogDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return this with { LogDirectory = Path.GetFullPath(path) };
    }

    /// <summary>Records runs, transitions and restarts in the SQLite file at <paramref name="path"/>.</summary>
    public ProcessManagerOptions WithHistory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return this with { HistoryPath = Path.GetFullPath(path) };
    }

    /// <summary>Runs at most <paramref name="jobs"/> jobs at once; the others wait in the queue (services never wait).</summary>
    public ProcessManagerOptions WithMaxConcurrent(int jobs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        return this with { MaxConcurrentJobs = jobs };
    }

    /// <summary>Sets how long disposing waits for processes to stop (see <see cref="ShutdownTimeout"/>).</summary>
    public ProcessManagerOptions WithShutdownTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return this with { ShutdownTimeout = timeout };
    }

    /// <summary>Adds a variable every process gets.</summary>
    public ProcessManagerOptions WithEnvironment(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('=') || name.Contains('\0'))
            throw new ArgumentException($"\"{name}\" cannot name an environment variable", nameof(name));
        ArgumentNullException.ThrowIfNull(value);
        return this with { Environment = Environment.SetItem(name, value) };
    }

    /// <summary>Serves the control socket, so the <c>tui</c> command line and monitor see and steer this manager's processes.</summary>
    public ProcessManagerOptions WithControlSocket(bool serve = true) => this with { ControlSocket = serve };

    /// <summary>Runs every timer on <paramref name="scheduler"/> instead of real time (a virtual clock in tests).</summary>
    public ProcessManagerOptions WithScheduler(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        return this with { Scheduler = scheduler };
    }
}
