using System.Collections.Immutable;
using Tui.Core.Logs;
using Tui.Core.Stats;

namespace Tui.Core.Supervision;

/// <summary>
/// What a front end (the monitor, the CLI, history) sees of an engine. The in-process supervisor implements it,
/// and so will a client of a daemon's control socket, so the monitor works the same either way.
/// All streams are hot; <see cref="Snapshots"/> replays the latest value to a late subscriber.
/// Commands never throw for an unknown target: they return a result that says so.
/// </summary>
public interface ISupervisorClient
{
    /// <summary>The config file this engine runs.</summary>
    string ConfigPath { get; }

    /// <summary>Every state change, restart, config error and notice.</summary>
    IObservable<SupervisorEvent> Events { get; }

    /// <summary>All processes' current state, in config order; emits on every change and replays the latest.</summary>
    IObservable<ImmutableArray<ProcessSnapshot>> Snapshots { get; }

    /// <summary>Log lines of every process, merged, as they arrive.</summary>
    IObservable<LogLine> Logs { get; }

    /// <summary>One sample per live process per stats interval.</summary>
    IObservable<ProcessStats> Stats { get; }

    /// <summary>The current snapshot without subscribing.</summary>
    ImmutableArray<ProcessSnapshot> Current { get; }

    /// <summary>The last <paramref name="max"/> lines of a process's in-memory ring, oldest first.</summary>
    IReadOnlyList<LogLine> RecentLogs(string process, int max);

    /// <summary>The stats history kept for sparklines, oldest first.</summary>
    IReadOnlyList<ProcessStats> StatsHistory(string process);

    Task<CommandResult> StartAsync(ProcessTarget target);
    Task<CommandResult> StopAsync(ProcessTarget target);
    Task<CommandResult> RestartAsync(ProcessTarget target);
    Task<CommandResult> PauseAsync(ProcessTarget target);
    Task<CommandResult> ResumeAsync(ProcessTarget target);

    /// <summary>
    /// Re-reads the config file and applies what changed; an invalid file changes nothing and is reported (a
    /// <see cref="ConfigError"/> event, and the result's error). By default: not supported by this client.
    /// </summary>
    Task<CommandResult> ReloadAsync() => Task.FromResult(CommandResult.Fail("this engine cannot reload its configuration"));

    /// <summary>
    /// tui run: adds a job (argv, run in its cwd or the config's folder, with its env and metadata) to the running set
    /// and starts it; a name already in the set is refused. By default: not supported by this client.
    /// </summary>
    Task<CommandResult> RunAdHocAsync(AdHocJob job) =>
        Task.FromResult(CommandResult.Fail("this engine cannot add processes"));

    /// <summary>
    /// tui send / input mode: writes <paramref name="text"/> (bytes as UTF-8, nothing added) to the process's stdin pipe
    /// or pty. A process without stdin (neither stdin = true nor tty = true) gets a result that says so. By default:
    /// not supported by this client.
    /// </summary>
    Task<CommandResult> SendInputAsync(string process, string text) =>
        Task.FromResult(CommandResult.Fail("this engine cannot send input to processes"));

    /// <summary>The running configuration, then each one a reload applies; by default only what is known now (nothing).</summary>
    IObservable<Config.TuiConfig> Configs => System.Reactive.Linq.Observable.Empty<Config.TuiConfig>();
}

/// <summary>The outcome of a command: which processes it touched, or why it did nothing.</summary>
public sealed record CommandResult(bool Ok, IReadOnlyList<string> Affected, string? Error = null)
{
    public static CommandResult Fail(string error) => new(false, [], error);
}
