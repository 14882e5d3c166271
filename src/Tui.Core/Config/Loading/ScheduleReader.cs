using Tui.Core.Jobs;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>
/// Reads a job's schedule keys (<c>schedule</c> with <c>timezone</c>, or <c>every</c>; <c>overlap</c>) and its pool
/// <c>priority</c>. Only a job may have a schedule: a service runs until stopped, so "run it at 02:00" means nothing for it.
/// </summary>
internal static class ScheduleReader
{
    /// <summary>An interval shorter than this starts a process more often than it can sensibly run (and floods the history).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private static readonly (string, OverlapPolicy)[] OverlapChoices = [("skip", OverlapPolicy.Skip), ("queue", OverlapPolicy.Queue)];

    /// <summary>The keys that only a job may have (services are never scheduled nor queued).</summary>
    private static readonly string[] JobKeys = ["schedule", "every", "timezone", "overlap", "priority"];

    public static JobDraft Read(TableReader reader, string name, ProcessKind kind)
    {
        if (kind != ProcessKind.Job)
        {
            foreach (var key in JobKeys.Where(k => reader.Node(k) is not null))
                reader.Error(reader.KeyPosition(key), $"{key} is only for jobs; [processes.{name}] is a service (add kind = \"job\")");
            return JobDraft.None;
        }

        var priority = (int?)reader.Integer("priority", int.MinValue, int.MaxValue) ?? 0;
        if (JobKeys.SkipLast(1).All(k => reader.Node(k) is null)) return new JobDraft(null, priority);

        var overlap = reader.OneOf("overlap", OverlapChoices) ?? OverlapPolicy.Skip;
        var spec = ReadSpec(reader, name);
        return new JobDraft(spec is null ? null : new ScheduleConfig(spec, overlap), priority);
    }

    private static ScheduleSpec? ReadSpec(TableReader reader, string name)
    {
        var hasCron = reader.Node("schedule") is not null;
        var hasEvery = reader.Node("every") is not null;
        if (hasCron && hasEvery)
        {
            reader.Error(reader.KeyPosition("every"), $"[processes.{name}] has both schedule and every; keep one");
            return null;
        }
        if (!hasCron && !hasEvery)
        {
            foreach (var key in new[] { "timezone", "overlap" }.Where(k => reader.Node(k) is not null))
                reader.Error(reader.KeyPosition(key), $"{key} needs a schedule = \"<cron>\" or every = \"<duration>\" in [processes.{name}]");
            return null;
        }
        if (hasEvery)
        {
            if (reader.Node("timezone") is not null)
                reader.Error(reader.KeyPosition("timezone"), "timezone applies to schedule (cron), not to every");
            var interval = reader.Duration("every");
            if (interval is null) return null;
            if (interval < MinInterval)
            {
                reader.Error(reader.Node("every")!.Position, $"every must be at least {Values.Duration.Format(MinInterval)}");
                return null;
            }
            return new ScheduleSpec.Every(interval.Value);
        }

        var zone = ReadTimeZone(reader);
        if (reader.String("schedule") is not { } text) return null;
        if (!CronText.TryParse(text, out _, out var error))
        {
            reader.Error(reader.Node("schedule")!.Position, $"schedule: {error}");
            return null;
        }
        return zone is null ? null : new ScheduleSpec.Cron(text, zone);
    }

    private static TimeZoneInfo? ReadTimeZone(TableReader reader)
    {
        if (reader.Node("timezone") is null) return TimeZoneInfo.Local;
        if (reader.String("timezone") is not { } id) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            reader.Error(reader.Node("timezone")!.Position, $"timezone: unknown time zone \"{id}\"; use an IANA name such as \"Europe/Paris\", \"America/New_York\" or \"UTC\"");
            return null;
        }
    }
}

/// <summary>A job's schedule and pool priority as read; copied as is onto each replica's <see cref="ProcessConfig"/>.</summary>
internal sealed record JobDraft(ScheduleConfig? Schedule, int Priority)
{
    public static JobDraft None { get; } = new(null, 0);

    public ProcessConfig ApplyTo(ProcessConfig process) => process with { Schedule = Schedule, Priority = Priority };
}
