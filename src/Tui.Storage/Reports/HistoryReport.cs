using System.Text;
using Tui.Storage.Database;
using Tui.Storage.Reading;

namespace Tui.Storage.Reports;

/// <summary>
/// What <c>tui history</c> does once it knows the database: read the runs and print them as a table or JSON.
/// No database yet is not an error (exit 0); a database that cannot be read (locked, corrupt, too new) is (exit 1).
/// </summary>
public static class HistoryReport
{
    public const int ExitOk = 0;
    public const int ExitUnreadable = 1;

    /// <param name="configLabel">How to name the config in messages (the path as the user gave it).</param>
    public static int Run(string databasePath, string configLabel, string? process, TimeSpan? since, bool json,
        DateTimeOffset now, TimeZoneInfo zone, TextWriter output, TextWriter error)
    {
        if (!File.Exists(databasePath))
        {
            if (json) output.WriteLine("[]");
            else output.WriteLine($"no history yet for {configLabel}");
            return ExitOk;
        }
        IReadOnlyList<RunRecord> runs;
        try
        {
            using var store = HistoryStore.Open(databasePath);
            runs = store.Runs(process, now - since);
        }
        catch (HistoryUnavailableException e)
        {
            error.WriteLine($"tui history: {e.Message}");
            return ExitUnreadable;
        }

        if (json)
        {
            using var buffer = new MemoryStream();
            RunJson.Write(buffer, runs);
            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (runs.Count == 0)
        {
            var what = process is null ? "no runs" : $"no runs of {process}";
            output.WriteLine(since is { } s ? $"{what} in the last {DurationText.Format(s)}" : $"{what} in the history of {configLabel}");
        }
        else
        {
            RunTable.Write(output, runs, now, zone);
        }
        return ExitOk;
    }
}
