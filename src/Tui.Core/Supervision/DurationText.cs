namespace Tui.Core.Supervision;

/// <summary>
/// Durations for reasons and log lines ("500ms", "8.514s", "1m30s"): like the config writes them, but a measured
/// duration (an uptime) is rounded to milliseconds, where <see cref="Config.Values.Duration.Format"/> stays exact.
/// </summary>
internal static class DurationText
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1)) return $"{(long)span.TotalMilliseconds}ms";
        if (span < TimeSpan.FromMinutes(1))
        {
            return span.Milliseconds == 0 ? $"{span.Seconds}s" : $"{span.TotalSeconds:0.###}s";
        }
        var text = span.TotalHours >= 1 ? $"{(long)span.TotalHours}h{span.Minutes}m" : $"{span.Minutes}m";
        return span.Seconds == 0 ? text : $"{text}{span.Seconds}s";
    }
}
