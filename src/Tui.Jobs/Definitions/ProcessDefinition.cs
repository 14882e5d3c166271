using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Tui.Core.Config;
using Tui.Core.Config.Loading;

namespace Tui.Jobs;

/// <summary>
/// An immutable description of a process to spawn: each With* method returns a new definition and leaves this one as
/// it was, so one definition can be the base of several. Made by <see cref="Process.Define"/>; a wrong value is refused
/// by the method given it (<see cref="ArgumentException"/> naming the value), a missing command by
/// <see cref="ProcessManager.SpawnAsync"/>.
/// </summary>
public sealed class ProcessDefinition
{
    internal ProcessDefinition(DefinitionState state) => State = state;

    internal DefinitionState State { get; }

    /// <summary>The process's name: its id in the manager, in <c>tui ps</c> and in history.</summary>
    public string Name => State.Name;

    /// <summary>The program and its arguments (executed directly, no shell); empty until <see cref="WithCommand"/>.</summary>
    public IReadOnlyList<string> Command => State.Argv;

    /// <summary>Where it runs; null: the manager's working directory.</summary>
    public string? WorkingDirectory => State.WorkingDirectory;

    /// <summary>Variables added to the child's environment, over the manager's.</summary>
    public IReadOnlyDictionary<string, string> Environment => State.Environment;

    /// <summary>The restart policy; <see cref="Restart.Never"/> unless <see cref="WithRestart"/> says otherwise.</summary>
    public Restart Restart => State.Restart;

    /// <summary>The metadata object handed to the child as <c>TUI_METADATA</c>; null: none.</summary>
    public string? MetadataJson => State.MetadataJson;

    /// <summary>The program to run and its arguments, executed directly (for a shell line: <c>WithCommand("sh", "-c", line)</c>).</summary>
    public ProcessDefinition WithCommand(string program, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        return With(State with { Argv = [program, .. arguments] });
    }

    /// <summary>The folder to run in (relative: to the current directory); without it, the manager's working directory.</summary>
    public ProcessDefinition WithWorkingDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return With(State with { WorkingDirectory = Path.GetFullPath(path) });
    }

    /// <summary>Sets one variable of the child's environment (TUI_PROCESS and TUI_METADATA are Tui's and cannot be set).</summary>
    public ProcessDefinition WithEnvironment(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('=') || name.Contains('\0'))
            throw new ArgumentException($"\"{name}\" cannot name an environment variable", nameof(name));
        ArgumentNullException.ThrowIfNull(value);
        return With(State with { Environment = State.Environment.SetItem(name, value) });
    }

    /// <summary>Sets several variables of the child's environment at once.</summary>
    public ProcessDefinition WithEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return variables.Aggregate(this, (definition, variable) => definition.WithEnvironment(variable.Key, variable.Value));
    }

    /// <summary>A label that groups processes on screen and in commands (<c>tui stop @NAME</c>); default "adhoc".</summary>
    public ProcessDefinition WithGroup(string group)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        return With(State with { Group = group });
    }

    /// <summary>
    /// Marks it a service: it is meant to run until stopped, so an exit is a crash rather than the end of the work
    /// (a job, the default, completes or fails when it exits).
    /// </summary>
    public ProcessDefinition AsService() => With(State with { IsService = true });

    /// <summary>
    /// When it is started again after it ended: at most <paramref name="maxRestarts"/> times within a minute (null:
    /// no limit), each <paramref name="delay"/> after the exit (null: Tui's backoff, 0.5 s doubling up to 30 s).
    /// Past the limit its state is <see cref="JobState.Failed"/>.
    /// </summary>
    public ProcessDefinition WithRestart(Restart policy, int? maxRestarts = null, TimeSpan? delay = null)
    {
        if (maxRestarts is < 0) throw new ArgumentOutOfRangeException(nameof(maxRestarts), maxRestarts, "max restarts cannot be negative");
        if (delay is { } d && d <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, "a restart delay must be positive");
        return With(State with { Restart = policy, MaxRestarts = maxRestarts, RestartDelay = delay });
    }

    /// <summary>
    /// Resource limits, measured on the whole process tree: memory (MB of 1,000,000 bytes, as Tui shows sizes; averaged over 3 s; over it the process is
    /// restarted by its policy), CPU (100 = one core; the same), run time (from the run's start; over it the process
    /// is stopped). Null leaves a limit out.
    /// </summary>
    public ProcessDefinition WithLimits(long? memoryMb = null, TimeSpan? runtime = null, double? cpuPercent = null)
    {
        if (memoryMb is <= 0) throw new ArgumentOutOfRangeException(nameof(memoryMb), memoryMb, "a memory limit must be positive");
        if (runtime is { } r && r <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(runtime), runtime, "a runtime limit must be positive");
        if (cpuPercent is <= 0) throw new ArgumentOutOfRangeException(nameof(cpuPercent), cpuPercent, "a CPU limit must be positive");
        var limits = memoryMb is null && runtime is null && cpuPercent is null
            ? null
            : new LimitsConfig(memoryMb * 1_000_000, cpuPercent, runtime,
                LimitsConfig.DefaultOnMemory, LimitsConfig.DefaultOnCpu, LimitsConfig.DefaultOnRuntime, LimitsConfig.DefaultWindow);
        return With(State with { Limits = limits });
    }

    /// <summary>How long a stop waits after SIGTERM before it SIGKILLs the whole group (default 10 s).</summary>
    public ProcessDefinition WithGracePeriod(TimeSpan grace)
    {
        if (grace <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(grace), grace, "a grace period must be positive");
        return With(State with { GracePeriod = grace });
    }

    /// <summary>Metadata for the child, as a JSON object (it reads it from <c>TUI_METADATA</c> or <c>ProcessClient.Metadata</c>).</summary>
    public ProcessDefinition WithMetadata(JsonObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return WithMetadata(metadata.ToJsonString());
    }

    /// <summary>Metadata for the child, as the text of a JSON object; anything else is refused.</summary>
    public ProcessDefinition WithMetadata(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"metadata must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}", nameof(json));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"metadata is not valid JSON: {e.Message}", nameof(json), e);
        }
        return With(State with { MetadataJson = json });
    }

    /// <summary>Metadata for the child from a value of yours, serialised with its source-generated type info (safe for NativeAOT).</summary>
    public ProcessDefinition WithMetadata<T>(T metadata, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return WithMetadata(JsonSerializer.Serialize(metadata, typeInfo));
    }

    /// <summary>
    /// Declares an event the child may send, with its fields and their types as in TOML: "number", "integer",
    /// "string", "boolean", "object", "array" or "any", with "?" when optional (<c>("pnl", "number")</c>).
    /// Progress (percent, message) is allowed without declaring it.
    /// </summary>
    public ProcessDefinition WithEvent(string name, params (string Field, string Type)[] fields)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(fields);
        if (EventSchemaReader.NameProblem(name) is { } problem) throw new ArgumentException(problem, nameof(name));
        var parsed = ImmutableArray.CreateBuilder<EventField>(fields.Length);
        foreach (var (field, type) in fields)
        {
            parsed.Add(EventSchemaReader.Field(field, type)
                ?? throw new ArgumentException($"events.{name}.{field} must be one of {EventSchemaReader.TypeList} (with \"?\" when optional), not \"{type}\"", nameof(fields)));
        }
        if (EventSchemaReader.ProgressProblem(name, parsed) is { } progress) throw new ArgumentException(progress, nameof(fields));
        return With(State with { Events = State.Events.SetItem(name, new EventSchema(name, parsed.ToImmutable())) });
    }

    /// <summary>
    /// The heartbeat watchdog: a child silent for this long (no heartbeat from <c>ProcessClient</c>) goes stale, then
    /// unhealthy, then is restarted by its policy. The child is told how often to beat (TUI_HEARTBEAT_MS).
    /// </summary>
    public ProcessDefinition WithHeartbeatTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a heartbeat timeout must be positive");
        return With(State with { HeartbeatTimeout = timeout });
    }

    /// <summary>Ready only once a connect to the Unix socket at <paramref name="socketPath"/> succeeds, tried every <paramref name="interval"/> (default 1 s).</summary>
    public ProcessDefinition WithReadinessSocket(string socketPath, TimeSpan? interval = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        var every = interval ?? HealthReader.DefaultReadinessInterval;
        if (every < HealthReader.MinInterval) throw new ArgumentOutOfRangeException(nameof(interval), interval, $"a check interval must be at least {HealthReader.MinInterval.TotalMilliseconds} ms");
        var check = new HealthCheckConfig(new ProbeSpec.Unix(Path.GetFullPath(socketPath)), every, HealthReader.DefaultTimeout,
            HealthReader.DefaultRetries, TimeSpan.Zero);
        return With(State with { Readiness = check });
    }

    /// <summary>
    /// Runs it on a 5-field cron schedule (minute hour day-of-month month day-of-week) in <paramref name="timeZone"/>
    /// (default: local time). A text that is not a cron expression is refused here, with what is wrong in it.
    /// </summary>
    public ProcessDefinition WithSchedule(string cron, TimeZoneInfo? timeZone = null, bool queueOverlap = false)
    {
        CronText.Validate(cron);
        var spec = new ScheduleSpec.Cron(cron, timeZone ?? TimeZoneInfo.Local);
        return With(State with { Schedule = new ScheduleConfig(spec, queueOverlap ? OverlapPolicy.Queue : OverlapPolicy.Skip) });
    }

    /// <summary>Runs it once per <paramref name="interval"/>, the first run one interval after start.</summary>
    public ProcessDefinition WithEvery(TimeSpan interval, bool queueOverlap = false)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "an interval must be positive");
        var spec = new ScheduleSpec.Every(interval);
        return With(State with { Schedule = new ScheduleConfig(spec, queueOverlap ? OverlapPolicy.Queue : OverlapPolicy.Skip) });
    }

    /// <summary>Its place in the concurrency pool's queue: higher goes first, equal ones in the order spawned (default 0).</summary>
    public ProcessDefinition WithPriority(int priority) => With(State with { Priority = priority });

    /// <inheritdoc />
    public override string ToString() => State.Argv.IsEmpty ? Name : $"{Name}: {string.Join(' ', State.Argv)}";

    private static ProcessDefinition With(DefinitionState state) => new(state);
}
