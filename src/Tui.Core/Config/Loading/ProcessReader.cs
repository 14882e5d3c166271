using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Tui.Core.Processes;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>Reads one [processes.NAME] table into a <see cref="ProcessDraft"/>, recording every problem it finds.</summary>
internal static partial class ProcessReader
{
    /// <summary>Each replica is a real process with its own pipes and log; past this, a number is more likely a typo than a plan.</summary>
    public const int MaxReplicas = 64;

    /// <summary>max_restarts counts restarts within this window: a crash loop shows within a minute, a crash an hour is not a loop.</summary>
    public static readonly TimeSpan DefaultRestartWindow = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Editors write a file in several steps; 300 ms gathers them into one change without feeling slow.</summary>
    public static readonly TimeSpan DefaultWatchDebounce = TimeSpan.FromMilliseconds(300);

    /// <summary>A backoff factor beyond this reaches the maximum delay after one step, which is no backoff at all.</summary>
    public const double MaxBackoffFactor = 100;

    private static readonly (string, RestartPolicy)[] RestartChoices =
        [("no", RestartPolicy.No), ("on-failure", RestartPolicy.OnFailure), ("always", RestartPolicy.Always)];

    private static readonly (string, ProcessKind)[] KindChoices = [("service", ProcessKind.Service), ("job", ProcessKind.Job)];

    private static readonly (string, DependencyCondition)[] ConditionChoices =
    [
        ("started", DependencyCondition.Started), ("healthy", DependencyCondition.Healthy),
        ("completed_successfully", DependencyCondition.CompletedSuccessfully),
    ];

    /// <summary>Names appear in commands (tui restart api), in file names (logs) and as NAME-i for replicas.</summary>
    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    public static partial Regex ValidName();

    public static ProcessDraft Read(string name, TomlPosition namePosition, TomlTable table, ErrorList errors, string baseDirectory)
    {
        var reader = new TableReader(table, $"in [processes.{name}]", ConfigKeys.Process, errors);
        if (!ValidName().IsMatch(name))
            errors.Add(namePosition, $"process name \"{name}\" may contain only letters, digits, \"-\", \"_\" and \".\"");

        var kind = reader.OneOf("kind", KindChoices) ?? ProcessKind.Service;
        // A job is expected to finish, so by default it is not restarted; a service that dies is restarted when it failed.
        var restart = reader.OneOf("restart", RestartChoices) ?? (kind == ProcessKind.Job ? RestartPolicy.No : RestartPolicy.OnFailure);

        var cwd = Paths.Resolve(baseDirectory, reader.String("cwd")) ?? baseDirectory;
        return new ProcessDraft(
            Name: name,
            Position: table.Position,
            NamePosition: namePosition,
            Command: ReadCommand(reader, name, table.Position),
            Cwd: cwd,
            Env: reader.Table("env"),
            EnvFiles: reader.StringOrArray("env_file") ?? [],
            Group: reader.String("group"),
            Autostart: reader.Bool("autostart") ?? true,
            Disabled: reader.Bool("disabled") ?? false,
            Replicas: (int?)reader.Integer("replicas", 1, MaxReplicas) ?? 1,
            Restart: restart,
            MaxRestarts: (int?)reader.Integer("max_restarts", 0, int.MaxValue),
            RestartWindow: Positive(reader, "restart_window") ?? DefaultRestartWindow,
            Backoff: ReadBackoff(reader),
            StopSignal: reader.Signal("stop_signal") ?? Signals.SIGTERM,
            StopTimeout: reader.Duration("stop_timeout") ?? DefaultStopTimeout,
            DependsOn: ReadDependencies(reader),
            DependsOnPosition: table.ContainsKey("depends_on") ? table.KeyPosition("depends_on") : null,
            Kind: kind,
            Tty: reader.Bool("tty") ?? false,
            Watch: ReadWatch(reader, name))
        {
            Monitoring = ReadMonitoring(reader, cwd),
            Stdin = reader.Bool("stdin") ?? false,
            Job = ScheduleReader.Read(reader, name, kind),
        };
    }

    /// <summary>A watchdog quicker than this would restart a healthy child that was merely descheduled for a moment.</summary>
    public static readonly TimeSpan MinHeartbeatTimeout = TimeSpan.FromMilliseconds(100);

    private static MonitoringDraft ReadMonitoring(TableReader reader, string cwd)
    {
        var heartbeat = reader.Duration("heartbeat_timeout");
        if (heartbeat < MinHeartbeatTimeout)
        {
            reader.Error(reader.Node("heartbeat_timeout")!.Position, $"heartbeat_timeout must be at least {Values.Duration.Format(MinHeartbeatTimeout)}");
            heartbeat = null;
        }
        return new MonitoringDraft(
            Readiness: HealthReader.Read(reader, "readiness", cwd),
            Liveness: HealthReader.Read(reader, "liveness", cwd),
            Limits: LimitsReader.Read(reader),
            HeartbeatTimeout: heartbeat,
            Notify: reader.Bool("notify") ?? false,
            Events: EventSchemaReader.Read(reader));
    }

    private static CommandSpec ReadCommand(TableReader reader, string name, TomlPosition tablePosition)
    {
        var empty = new CommandSpec.Shell("");
        switch (reader.Node("command"))
        {
            case null:
                reader.Error(tablePosition, $"[processes.{name}] has no command; add command = \"...\" (a shell line) or [\"program\", \"arg\"]");
                return empty;
            case TomlString s when string.IsNullOrWhiteSpace(s.Value):
                reader.Error(s.Position, "command cannot be empty");
                return empty;
            case TomlString s:
                return new CommandSpec.Shell(s.Value);
            case TomlArray { Count: 0 } array:
                reader.Error(array.Position, "command cannot be an empty array; name the program to run first");
                return empty;
            case TomlArray array:
                var arguments = ImmutableArray.CreateBuilder<string>();
                foreach (var item in array)
                {
                    if (item is TomlString s) arguments.Add(s.Value);
                    else reader.Error(item.Position, $"command must contain only strings, not {TableReader.Describe(item)}");
                }
                if (array[0] is TomlString { Value.Length: 0 })
                    reader.Error(array[0].Position, "the program (the first item of command) cannot be empty");
                return new CommandSpec.Exec(arguments.ToImmutable());
            case var other:
                reader.TypeError("command", other, "a string (run by /bin/sh -c) or an array of strings (run directly)");
                return empty;
        }
    }

    private static TimeSpan? Positive(TableReader reader, string key)
    {
        var value = reader.Duration(key);
        if (value != TimeSpan.Zero) return value;
        reader.Error(reader.Node(key)!.Position, $"{key} must be longer than 0s");
        return null;
    }

    private static BackoffConfig ReadBackoff(TableReader process)
    {
        var defaults = BackoffConfig.Default;
        if (process.Table("backoff") is not { } table) return defaults;
        var reader = new TableReader(table, "in backoff", ConfigKeys.Backoff, process.Errors, prefix: "backoff.");
        var backoff = new BackoffConfig(
            Initial: reader.Duration("initial") ?? defaults.Initial,
            Factor: reader.Number("factor", 1.0, MaxBackoffFactor) ?? defaults.Factor,
            Max: reader.Duration("max") ?? defaults.Max,
            ResetAfter: reader.Duration("reset_after") ?? defaults.ResetAfter);
        if (backoff.Max < backoff.Initial)
        {
            var at = table.ContainsKey("max") ? table["max"].Position : table["initial"].Position;
            reader.Error(at, $"backoff.max ({Values.Duration.Format(backoff.Max)}) cannot be less than backoff.initial ({Values.Duration.Format(backoff.Initial)})");
        }
        return backoff;
    }

    private static ImmutableArray<DependencyDraft> ReadDependencies(TableReader reader)
    {
        var dependencies = ImmutableArray.CreateBuilder<DependencyDraft>();
        switch (reader.Node("depends_on"))
        {
            case null:
                break;
            case TomlArray array:
                foreach (var item in array)
                {
                    if (item is TomlString { Value.Length: > 0 } s)
                        Add(s.Value, DependencyCondition.Started, s.Position);
                    else
                        reader.Error(item.Position, $"depends_on must contain process names, not {TableReader.Describe(item)}");
                }
                break;
            case TomlTable table:
                var conditions = new TableReader(table, "depends_on", knownKeys: null, reader.Errors, prefix: "depends_on.");
                foreach (var (name, _) in table)
                {
                    var condition = conditions.OneOf(name, ConditionChoices);
                    if (condition is { } c) Add(name, c, table.KeyPosition(name));
                }
                break;
            case var other:
                reader.TypeError("depends_on", other, "an array of process names or a table of name = condition");
                break;
        }
        return dependencies.ToImmutable();

        void Add(string name, DependencyCondition condition, TomlPosition position)
        {
            if (dependencies.Any(d => d.Name == name))
                reader.Error(position, $"depends_on names \"{name}\" twice");
            else
                dependencies.Add(new DependencyDraft(name, condition, position));
        }
    }

    private static WatchConfig? ReadWatch(TableReader process, string name)
    {
        if (process.Table("watch") is not { } table) return null;
        var reader = new TableReader(table, "in watch", ConfigKeys.Watch, process.Errors, prefix: "watch.");
        var paths = reader.StringArray("paths");
        if (paths is null && !table.ContainsKey("paths"))
            reader.Error(table.Position, $"watch of {name} needs paths = [\"glob\", ...]");
        else if (paths is { Length: 0 } && table["paths"] is TomlArray { Count: 0 } emptyPaths)
            reader.Error(emptyPaths.Position, "watch.paths cannot be empty");
        return new WatchConfig(
            Paths: [.. (paths ?? []).Select(p => p.Value)],
            Ignore: [.. (reader.StringArray("ignore") ?? []).Select(p => p.Value)],
            Debounce: reader.Duration("debounce") ?? DefaultWatchDebounce,
            Signal: reader.Signal("signal"));
    }
}
