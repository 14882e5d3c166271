namespace Tui.Core.Config;

/// <summary>What happens when a scheduled run comes due while the previous run is still going.</summary>
public enum OverlapPolicy
{
    /// <summary>The due run is skipped, and the skip is recorded (an event and a history notice).</summary>
    Skip,
    /// <summary>The due run waits and starts as soon as the previous one ends (at most one waits).</summary>
    Queue,
}

/// <summary>When a scheduled job runs: a 5-field cron text in a time zone, or a fixed interval.</summary>
public abstract record ScheduleSpec
{
    /// <summary><c>schedule = "*/5 * * * *"</c>: minute, hour, day of month, month, day of week, in <paramref name="TimeZone"/> (local time by default).</summary>
    public sealed record Cron(string Expression, TimeZoneInfo TimeZone) : ScheduleSpec;

    /// <summary><c>every = "10m"</c>: one run per interval, the first one interval after start.</summary>
    public sealed record Every(TimeSpan Interval) : ScheduleSpec;
}

/// <summary>A job's schedule: when it runs, and what an overlapping run does.</summary>
public sealed record ScheduleConfig(ScheduleSpec Spec, OverlapPolicy Overlap);
