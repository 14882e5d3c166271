using System.Globalization;
using Tui.Core.Supervision;

namespace Tui.App.Views;

/// <summary>Short, fixed-width-friendly text for numbers the screen shows: durations, sizes, percentages, clock.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"42s", "3m12s", "2h05m", "3d04h": two units at most, so the column stays narrow.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalSeconds < 60) return string.Create(Invariant, $"{(int)span.TotalSeconds}s");
        if (span.TotalMinutes < 60) return string.Create(Invariant, $"{(int)span.TotalMinutes}m{span.Seconds:00}s");
        if (span.TotalHours < 24) return string.Create(Invariant, $"{(int)span.TotalHours}h{span.Minutes:00}m");
        return string.Create(Invariant, $"{(int)span.TotalDays}d{span.Hours:00}h");
    }

    /// <summary>A countdown rounded up, so "1s" shows until the moment itself: "4s", "1m05s".</summary>
    /// <summary>"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st": a place in the pool's queue.</summary>
    public static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    /// <summary>"next run in 4m": a scheduled job that waits for its next due time (not while a run is going or on its way).</summary>
    public static string? NextRun(ProcessSnapshot p, DateTimeOffset now) =>
        p.NextRunAt is { } next && !p.State.IsAlive() && !p.State.IsAboutToStart() ? $"next run in {Until(next - now)}" : null;

    /// <summary>"45s", "4m", "2h05m", "3d04h": how long until something due, rounded up, to the minute past the first minute.</summary>
    public static string Until(TimeSpan span)
    {
        var seconds = Math.Ceiling(Math.Max(0, span.TotalSeconds));
        if (seconds < 60) return string.Create(Invariant, $"{seconds:0}s");
        var minutes = (long)Math.Ceiling(seconds / 60);
        if (minutes < 60) return string.Create(Invariant, $"{minutes}m");
        if (minutes < 24 * 60) return string.Create(Invariant, $"{minutes / 60}h{minutes % 60:00}m");
        var hours = (long)Math.Ceiling(minutes / 60.0);
        return string.Create(Invariant, $"{hours / 24}d{hours % 24:00}h");
    }

    public static string Countdown(TimeSpan span) =>
        Duration(TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, span.TotalSeconds))));

    /// <summary>"512K", "84M", "1.2G": binary units, as top and ps show memory.</summary>
    public static string Bytes(long bytes)
    {
        const double K = 1024, M = K * 1024, G = M * 1024;
        double b = Math.Max(0, bytes);
        return b switch
        {
            < K => string.Create(Invariant, $"{b:0}B"),
            < M => string.Create(Invariant, $"{b / K:0}K"),
            < 10 * M => string.Create(Invariant, $"{b / M:0.0}M"),
            < G => string.Create(Invariant, $"{b / M:0}M"),
            < 10 * G => string.Create(Invariant, $"{b / G:0.0}G"),
            _ => string.Create(Invariant, $"{b / G:0}G"),
        };
    }

    /// <summary>"0.0" .. "99.9", then "100" .. "800": four characters at most.</summary>
    public static string Percent(double percent) => percent < 99.95
        ? percent.ToString("0.0", Invariant)
        : percent.ToString("0", Invariant);

    public static string Clock(DateTimeOffset at) => at.ToString("HH:mm:ss", Invariant);

    public static string ClockMillis(DateTimeOffset at) => at.ToString("HH:mm:ss.fff", Invariant);
}
