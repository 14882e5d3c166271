using System.Text.Json;
using Tui.Core.Processes;
using Tui.Storage.Reports;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Reports;

public sealed class HistoryReportTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => _dir.File("history.db");
    private static readonly DateTimeOffset Now = RecorderHarness.T0 + TimeSpan.FromHours(2);

    public void Dispose() => _dir.Dispose();

    private (int Exit, string Output, string Error) Report(string? process = null, TimeSpan? since = null, bool json = false)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = HistoryReport.Run(DbPath, "processes.toml", process, since, json, Now, TimeZoneInfo.Utc, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>api crashed once and was restarted an hour later; web still runs.</summary>
    private void RecordScript()
    {
        using var h = new RecorderHarness(DbPath);
        h.Emit(h.Started("api", 4121, 1), h.Started("web", 4130, 1));
        h.Clock.AdvanceBy(TimeSpan.FromSeconds(1.5));
        h.Emit(h.Exited("api", 4121, new ExitStatus(3, null), TimeSpan.FromSeconds(1.5)),
            h.Changed("api", Tui.Core.Supervision.ProcessState.Running, Tui.Core.Supervision.ProcessState.Backoff, "exit 3", 4121));
        h.Clock.AdvanceBy(TimeSpan.FromHours(1));
        h.Emit(h.Started("api", 4200, 2));
        h.Clock.AdvanceBy(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(12));
        h.Emit(h.Changed("api", Tui.Core.Supervision.ProcessState.Running, Tui.Core.Supervision.ProcessState.Stopping, "user stop", 4200),
            h.Exited("api", 4200, new ExitStatus(null, Signals.SIGTERM), TimeSpan.FromSeconds(192)));
        h.Flush();
    }

    [Fact]
    public void No_database_says_no_history_yet_and_succeeds_without_creating_one()
    {
        Assert.Equal((0, "no history yet for processes.toml\n", ""), Report());
        Assert.Equal((0, "[]\n", ""), Report(json: true));
        Assert.False(File.Exists(DbPath));
    }

    [Fact]
    public void Runs_print_as_an_aligned_table_oldest_first()
    {
        RecordScript();

        var (exit, output, error) = Report();

        Assert.Equal((0, ""), (exit, error));
        Assert.Equal(
            """
            PROCESS  RUN  PID   STARTED              ENDED                DURATION  OUTCOME         REASON
            api      1    4121  2025-03-01 12:00:00  2025-03-01 12:00:01  1.5s      exit 3          exit 3
            web      1    4130  2025-03-01 12:00:00  -                    2h00m     running         -
            api      2    4200  2025-03-01 13:00:01  2025-03-01 13:03:13  3m12s     signal SIGTERM  user stop

            """, output);
    }

    [Fact]
    public void Json_is_one_array_of_runs_with_every_field_present()
    {
        RecordScript();

        var (exit, output, _) = Report("api", json: true);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var runs = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        var first = runs[0];
        Assert.Equal(("api", 1, 4121, 3, "exit 3"), (first.GetProperty("process").GetString(), first.GetProperty("run").GetInt32(),
            first.GetProperty("pid").GetInt32(), first.GetProperty("exitCode").GetInt32(), first.GetProperty("outcome").GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("signal").ValueKind);
        Assert.Equal("2025-03-01T12:00:00+00:00", first.GetProperty("startedAt").GetString());
        Assert.Equal(1500, first.GetProperty("durationMs").GetInt64());
        Assert.Equal(Signals.SIGTERM, runs[1].GetProperty("signal").GetInt32());
        Assert.Equal("user stop", runs[1].GetProperty("reason").GetString());
    }

    [Fact]
    public void Since_and_name_narrow_the_runs()
    {
        RecordScript();

        var lastHour = Report(since: TimeSpan.FromHours(1)).Output;
        Assert.DoesNotContain("4121", lastHour);
        Assert.Contains("4130", lastHour); // still running, so alive in the window
        Assert.Contains("4200", lastHour);

        Assert.Equal((0, "no runs of db in the last 1h00m\n", ""), Report("db", TimeSpan.FromHours(1)));
        Assert.Equal((0, "no runs of db in the history of processes.toml\n", ""), Report("db"));
    }

    [Fact]
    public void A_corrupt_database_is_a_clear_error_with_exit_1()
    {
        File.WriteAllText(DbPath, "this is not a database, it is a text file that happens to have the name of one");

        var (exit, output, error) = Report();

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"tui history: {DbPath} is not a database (file is not a database); move it away to start a new history\n", error);
    }
}
