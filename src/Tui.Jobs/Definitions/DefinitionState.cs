using System.Collections.Immutable;
using Tui.Core.Config;

namespace Tui.Jobs;

/// <summary>Everything a <see cref="ProcessDefinition"/> holds; the builder's With* methods return copies of it.</summary>
internal sealed record DefinitionState(string Name)
{
    public ImmutableArray<string> Argv { get; init; } = [];
    public string? WorkingDirectory { get; init; }
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;
    public string? Group { get; init; }
    public bool IsService { get; init; }
    public Restart Restart { get; init; } = Restart.Never;
    public int? MaxRestarts { get; init; }
    public TimeSpan? RestartDelay { get; init; }
    public TimeSpan GracePeriod { get; init; } = Core.Config.Loading.ProcessReader.DefaultStopTimeout;
    public LimitsConfig? Limits { get; init; }
    public string? MetadataJson { get; init; }
    public ImmutableDictionary<string, EventSchema> Events { get; init; } = ImmutableDictionary<string, EventSchema>.Empty;
    public TimeSpan? HeartbeatTimeout { get; init; }
    public HealthCheckConfig? Readiness { get; init; }
    public ScheduleConfig? Schedule { get; init; }
    public int Priority { get; init; }
}
