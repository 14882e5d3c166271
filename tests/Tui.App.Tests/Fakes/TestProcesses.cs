using System.Collections.Immutable;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.App.Tests.Fakes;

/// <summary>Builds configs and snapshots for view and reducer tests, with a fixed clock.</summary>
public static class TestProcesses
{
    /// <summary>The fixed "now" of every scripted scene: 2025-03-14 14:02:11 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 14, 2, 11, TimeSpan.Zero);

    public static ProcessConfig Config(string name, string? group = null, string command = "sleep 1000", ProcessKind kind = ProcessKind.Service) =>
        new(
            Name: name,
            BaseName: name,
            ReplicaIndex: null,
            Command: new CommandSpec.Shell(command),
            Cwd: "/srv/app",
            Env: ImmutableDictionary<string, string>.Empty,
            Group: group,
            Autostart: true,
            Disabled: false,
            Restart: RestartPolicy.OnFailure,
            MaxRestarts: null,
            RestartWindow: TimeSpan.FromMinutes(1),
            Backoff: BackoffConfig.Default,
            StopSignal: Signals.SIGTERM,
            StopTimeout: TimeSpan.FromSeconds(10),
            DependsOn: [],
            Kind: kind,
            Tty: false,
            Watch: null,
            Definition: name + ":" + command,
            Position: new Tui.Toml.TomlPosition(1, 1));

    public static ProcessSnapshot Snapshot(
        string name,
        string? group = null,
        ProcessState state = ProcessState.Running,
        int? pid = null,
        TimeSpan? up = null,
        int restarts = 0,
        ExitStatus? lastExit = null,
        string? reason = null,
        TimeSpan? restartIn = null,
        string? health = null,
        double? progress = null,
        string command = "sleep 1000",
        ProcessKind kind = ProcessKind.Service)
    {
        var alive = state.IsAlive();
        return new ProcessSnapshot(
            Config(name, group, command, kind),
            state,
            alive ? pid ?? 4000 + Math.Abs(name.GetHashCode() % 1000) : null,
            alive ? Now - (up ?? TimeSpan.FromMinutes(3)) : null,
            Now - TimeSpan.FromSeconds(5),
            restarts,
            lastExit,
            reason,
            restartIn is { } d ? Now + d : null,
            health,
            progress);
    }
}
