using Tui.Core.Stats;
using Tui.Storage.Database;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Database;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => _dir.File("history.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Steps_are_numbered_one_by_one_from_one()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
        Assert.Equal(Migrations.All.Count, Migrations.Latest);
    }

    [Fact]
    public void A_version_1_database_is_migrated_to_the_latest_and_keeps_its_runs()
    {
        using (var old = RawDatabase.Open(DbPath))
        {
            Assert.Equal(1, SchemaMigrator.Migrate(old, Migrations.All, target: 1));
            var start = RecorderHarness.T0.AddMinutes(-5).ToUnixTimeMilliseconds(); // recent enough to outlive retention
            RawDatabase.Execute(old, $"INSERT INTO runs (process, run, pid, started_at, ended_at, exit_code) VALUES ('api', 1, 42, {start}, {start + 1000}, 0)");
        }
        Assert.Equal(1L, RawDatabase.Scalar(DbPath, "PRAGMA user_version"));

        using (var h = new RecorderHarness(DbPath))
        {
            h.Stats.OnNext(new ProcessStats("api", h.Now, 5, 1000, 1, 3, 1, TimeSpan.Zero));
            h.Flush();
            Assert.Empty(h.Problems);
        }

        Assert.Equal((long)Migrations.Latest, RawDatabase.Scalar(DbPath, "PRAGMA user_version"));
        using var store = Tui.Storage.Reading.HistoryStore.Open(DbPath);
        var run = Assert.Single(store.Runs());
        Assert.Equal(("api", 42, "exit 0"), (run.Process, run.Pid, run.Outcome));
        Assert.Single(store.Stats("api"));
    }

    [Fact]
    public void A_store_reads_a_version_1_database_and_finds_no_stats()
    {
        using (var old = RawDatabase.Open(DbPath))
            SchemaMigrator.Migrate(old, Migrations.All, target: 1);

        using var store = Tui.Storage.Reading.HistoryStore.Open(DbPath);
        Assert.Equal(1, store.SchemaVersion);
        Assert.Empty(store.Stats());
        Assert.Empty(store.Runs());
    }

    [Fact]
    public void A_database_from_a_newer_tui_disables_history_and_is_left_as_it_was()
    {
        using (var newer = RawDatabase.Open(DbPath))
            RawDatabase.Execute(newer, "CREATE TABLE future (x); PRAGMA user_version = 99;");

        using (var h = new RecorderHarness(DbPath))
        {
            h.Emit(h.Started("api", 1, 1));
            h.Flush();
            var problem = Assert.Single(h.Problems);
            Assert.StartsWith("history disabled: ", problem);
            Assert.Contains("schema version 99, newer than this Tui knows", problem);
        }
        Assert.Equal(99L, RawDatabase.Scalar(DbPath, "PRAGMA user_version"));
        var error = Assert.Throws<HistoryUnavailableException>(() => Tui.Storage.Reading.HistoryStore.Open(DbPath));
        Assert.Contains("newer than this Tui knows", error.Message);
    }

    [Fact]
    public void A_new_database_is_in_wal_mode_with_incremental_vacuum()
    {
        using (new RecorderHarness(DbPath)) { }

        Assert.Equal("wal", RawDatabase.Scalar(DbPath, "PRAGMA journal_mode"));
        Assert.Equal(2L, RawDatabase.Scalar(DbPath, "PRAGMA auto_vacuum")); // 2 = incremental
    }
}
