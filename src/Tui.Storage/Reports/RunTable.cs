using System.Globalization;
using Tui.Storage.Reading;

namespace Tui.Storage.Reports;

/// <summary>Runs as a plain-text table for a terminal: one line per run, columns padded, times in the given zone.</summary>
public static class RunTable
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private const string None = "-";

    private static readonly string[] Header = ["PROCESS", "RUN", "PID", "STARTED", "ENDED", "DURATION", "OUTCOME", "REASON"];

    public static void Write(TextWriter output, IReadOnlyList<RunRecord> runs, DateTimeOffset now, TimeZoneInfo zone)
    {
        var rows = runs.Select(r => new[]
        {
            r.Process,
            r.Run?.ToString(CultureInfo.InvariantCulture) ?? None,
            r.Pid.ToString(CultureInfo.InvariantCulture),
            Time(r.StartedAt, zone),
            r.EndedAt is { } end ? Time(end, zone) : None,
            r.Duration is { } d ? DurationText.Format(d) : r.IsRunning ? DurationText.Format(now - r.StartedAt) : None,
            r.Outcome,
            (r.Reason ?? None).ReplaceLineEndings(" "),
        }).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Select(row => row[c].Length).Append(Header[c].Length).Max()).ToArray();
        foreach (var row in rows.Prepend(Header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(TimeFormat, CultureInfo.InvariantCulture);
}
