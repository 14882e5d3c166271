using System.Diagnostics;
using Tui.Core.Supervision;
using Tui.Storage.Database;
using Tui.Storage.Reading;
using Tui.Storage.Recording;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Recording;

/// <summary>History is optional: a broken database gives one clear problem and no exception, and the engine's events keep flowing.</summary>
public sealed class HistoryFailureTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => _dir.File("history.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_file_that_is_not_a_database_disables_history_once_and_is_not_touched()
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(DbPath, garbage);

        using (var h = new RecorderHarness(DbPath))
        {
            for (var i = 0; i < 3; i++)
            {
                h.Emit(h.Started("api", 10 + i, i + 1), h.Changed("api", ProcessState.Starting, ProcessState.Running, "spawned"));
                h.Flush();
            }
            var problem = Assert.Single(h.Problems);
            Assert.Equal($"history disabled: {DbPath} is not a database (file is not a database); move it away to start a new history", problem);
            Assert.True(h.Recorder.IsDisabled);
            Assert.Equal(0, h.Recorder.BatchesWritten);
        }
        Assert.Equal(garbage, File.ReadAllBytes(DbPath));
        var error = Assert.Throws<HistoryUnavailableException>(() => HistoryStore.Open(DbPath));
        Assert.Contains("is not a database", error.Message);
    }

    [Fact]
    public void A_read_only_database_disables_history_with_a_clear_problem()
    {
        using (var first = new RecorderHarness(DbPath))
        {
            first.Emit(first.Started("api", 1, 1));
        }
        using var readOnly = ReadOnlyFile.Make(DbPath);

        using (var h = new RecorderHarness(DbPath))
        {
            h.Emit(h.Started("api", 2, 2));
            h.Flush();
            Assert.Equal([$"history disabled: {DbPath} is read-only"], h.Problems);
        }
        readOnly.Dispose();
        // What was there before is still there and readable.
        Assert.Single(HistoryStoreRuns());
    }

    [Fact]
    public void A_database_locked_by_another_program_at_write_time_disables_history()
    {
        var options = RecorderOptions.Default with { BusyTimeout = TimeSpan.FromSeconds(1) };
        using var h = new RecorderHarness(DbPath, options);
        h.Emit(h.Started("api", 1, 1));
        h.Flush();
        Assert.Equal(1, h.Recorder.BatchesWritten);

        using var other = RawDatabase.Open(DbPath);
        RawDatabase.Execute(other, "BEGIN IMMEDIATE; INSERT INTO notices (at, level, message) VALUES (0, 'Info', 'holding the write lock');");
        var stopwatch = Stopwatch.StartNew();
        h.Emit(h.Started("api", 2, 2));
        h.Flush(); // the write waits out the busy timeout on the writer (here the test's thread), then gives up

        Assert.Equal([$"history disabled: {DbPath} is locked by another program"], h.Problems);
        Assert.True(stopwatch.Elapsed >= options.BusyTimeout * 0.9, $"gave up after {stopwatch.Elapsed}");
        h.Emit(h.Started("api", 3, 3));
        h.Flush();
        Assert.Equal(1, h.Recorder.BatchesWritten);
        RawDatabase.Execute(other, "ROLLBACK");
    }

    [Fact]
    public void A_database_path_under_a_file_disables_history_with_a_clear_problem()
    {
        File.WriteAllText(_dir.File("not-a-folder"), "x");
        var path = Path.Combine(_dir.File("not-a-folder"), "history.db");

        using var h = new RecorderHarness(path);
        h.Emit(h.Started("api", 1, 1));
        h.Flush();

        var problem = Assert.Single(h.Problems);
        Assert.StartsWith($"history disabled: {path}: ", problem);
    }

    private IReadOnlyList<RunRecord> HistoryStoreRuns()
    {
        using var store = HistoryStore.Open(DbPath);
        return store.Runs();
    }
}
