using System.Globalization;
using Tui.Core.Logs;
using Tui.Core.Supervision;

namespace Tui.App.Headless;

/// <summary>The lines <c>tui up --headless</c> prints: one per state change, notice and (with --logs) log line.</summary>
internal static class HeadlessFormat
{
    private const string TimeFormat = "HH:mm:ss.fff";

    /// <summary>"14:02:11.004 api running -> ready (ready)"; null for events that are not printed.</summary>
    public static string? Line(SupervisorEvent @event, TimeZoneInfo zone) => @event switch
    {
        StateChanged c => $"{Time(c.At, zone)} {c.Process} {State(c.From)} -> {State(c.To)} ({c.Reason})",
        Notice { Level: not NoticeLevel.Info } n => $"{Time(n.At, zone)} {n.Process ?? "tui"} {Level(n.Level)}: {n.Message}",
        // A reload's outcome: an invalid edit changes nothing, so the error is the only sign of it.
        HealthChanged h => $"{Time(h.At, zone)} {h.Process} health: {h.Text}",
        LimitExceeded l => $"{Time(l.At, zone)} {l.Process} limit: {l.Reason} ({l.Action.ToString().ToLowerInvariant()})",
        ConfigError e => $"{Time(e.At, zone)} tui config not reloaded, the previous one keeps running:\n{e.Message}",
        ConfigReloaded r => $"{Time(r.At, zone)} tui config reloaded: added [{string.Join(", ", r.Added)}], removed [{string.Join(", ", r.Removed)}], changed [{string.Join(", ", r.Changed)}]",
        _ => null,
    };

    /// <summary>"api | GET /health 200", the child's text as written (a headless run's output is a file or a pipe, not a screen).</summary>
    public static string Line(LogLine line) => $"{line.Process} | {line.Text}";

    public static string State(ProcessState state) => state.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static string Level(NoticeLevel level) => level == NoticeLevel.Error ? "error" : "warning";
}
