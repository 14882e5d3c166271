namespace Tui.Core.Supervision;

/// <summary>Durations the way the config writes them ("500ms", "2s", "1m30s"), for reasons and log lines.</summary>
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
