using System.Collections.Immutable;
using Tui.Core.Config;

namespace Tui.Core.Tests.Supervision;

/// <summary>
/// Builds configs the way the loader would, with small defaults, so a test states only what it is about:
/// <c>TestConfigs.Process("api") with { Restart = RestartPolicy.Always }</c>.
/// </summary>
internal static class TestConfigs
{
    /// <summary>Backoff used by default in tests: 1s doubling to 8s, reset after 10s up.</summary>
    public static readonly BackoffConfig Backoff = new(TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10));

    /// <summary>A process whose command the fake launcher recognises by its name.</summary>
    public static ProcessConfig Process(string name, params Dependency[] dependsOn) =>
        Process(name, new CommandSpec.Exec(["fake", name]), dependsOn);

    /// <summary>A process that runs <paramref name="shellLine"/> with /bin/sh -c.</summary>
    public static ProcessConfig Shell(string name, string shellLine, params Dependency[] dependsOn) =>
        Process(name, new CommandSpec.Shell(shellLine), dependsOn);

    public static ProcessConfig Process(string name, CommandSpec command, params Dependency[] dependsOn) => new(
        Name: name,
        BaseName: name,
        ReplicaIndex: null,
        Command: command,
        Cwd: System.IO.Path.GetTempPath(),
        Env: ImmutableDictionary<string, string>.Empty,
        Group: null,
        Autostart: true,
        Disabled: false,
        Restart: RestartPolicy.No,
        MaxRestarts: null,
        RestartWindow: TimeSpan.FromMinutes(1),
        Backoff: Backoff,
        StopSignal: Tui.Core.Processes.Signals.SIGTERM,
        StopTimeout: TimeSpan.FromSeconds(5),
        DependsOn: [.. dependsOn],
        Kind: ProcessKind.Service,
        Tty: false,
        Watch: null,
        Definition: name,
        Position: new Tui.Toml.TomlPosition(1, 1));

    public static Dependency On(string name, DependencyCondition condition = DependencyCondition.Started) => new(name, condition);

    public static TuiConfig ConfigOf(params ProcessConfig[] processes) => ConfigOf(Settings.Default, processes);

    public static TuiConfig ConfigOf(Settings settings, params ProcessConfig[] processes) => new(
        SourcePath: "test.toml",
        Settings: settings,
        Env: ImmutableDictionary<string, string>.Empty,
        Processes: [.. processes],
        Keys: ImmutableDictionary<string, string>.Empty,
        WatchedFiles: []);
}
