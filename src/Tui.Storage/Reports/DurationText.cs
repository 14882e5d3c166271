namespace Tui.Storage.Reports;

/// <summary>Short human durations for tables: "850ms", "1.5s", "3m12s", "2h05m", "3d04h".</summary>
public static class DurationText
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span < TimeSpan.FromSeconds(1)) return $"{(int)span.TotalMilliseconds}ms";
        if (span < TimeSpan.FromSeconds(10)) return $"{Math.Floor(span.TotalSeconds * 10) / 10:0.#}s";
        if (span < TimeSpan.FromMinutes(1)) return $"{(int)span.TotalSeconds}s";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes}m{span.Seconds:00}s";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours}h{span.Minutes:00}m";
        return $"{(int)span.TotalDays}d{span.Hours:00}h";
    }
}
