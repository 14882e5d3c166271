using Tui.Core.Processes;
using Tui.Storage.Database;
using Tui.Storage.Reading;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Reading;

public sealed class HistoryStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => _dir.File("history.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Runs_filter_by_process_and_by_the_window_they_were_alive_in()
    {
        using var h = new RecorderHarness(DbPath);
        // api: ran 0-10 min; web: ran 0-50 min; worker: started at 55 min, still running; api again at 58-59 min.
        h.Emit(h.Started("api", 1, 1), h.Started("web", 2, 1));
        h.Clock.AdvanceBy(TimeSpan.FromMinutes(10));
        h.Emit(h.Exited("api", 1, new ExitStatus(1, null), TimeSpan.FromMinutes(10)));
        h.Clock.AdvanceBy(TimeSpan.FromMinutes(40));
        h.Emit(h.Exited("web", 2, new ExitStatus(0, null), TimeSpan.FromMinutes(50)));
        h.Clock.AdvanceBy(TimeSpan.FromMinutes(5));
        h.Emit(h.Started("worker", 3, 1));
        h.Clock.AdvanceBy(TimeSpan.FromMinutes(3));
        h.Emit(h.Started("api", 4, 2));
        h.Clock.AdvanceBy(TimeSpan.FromMinutes(1));
        h.Emit(h.Exited("api", 4, new ExitStatus(0, null), TimeSpan.FromMinutes(1)));
        h.Flush();

        using var store = HistoryStore.Open(DbPath);
        Assert.Equal(["api:1", "web:2", "worker:3", "api:4"], store.Runs().Select(r => $"{r.Process}:{r.Pid}"));
        Assert.Equal([1, 4], store.Runs("api").Select(r => r.Pid));
        var last30Minutes = RecorderHarness.T0 + TimeSpan.FromMinutes(30);
        Assert.Equal(["web:2", "worker:3", "api:4"], store.Runs(since: last30Minutes).Select(r => $"{r.Process}:{r.Pid}"));
        Assert.Equal([4], store.Runs("api", last30Minutes).Select(r => r.Pid));
        Assert.Equal(2, store.Counts("api").Runs);
        Assert.Equal(1, store.Counts("api", last30Minutes).Runs);
    }

    [Fact]
    public void A_missing_database_is_reported_as_no_history_yet()
    {
        var error = Assert.Throws<HistoryUnavailableException>(() => HistoryStore.Open(DbPath));
        Assert.StartsWith("no history yet", error.Message);
        Assert.False(File.Exists(DbPath)); // reading never creates
    }

    [Fact]
    public void A_store_reads_while_the_recorder_keeps_writing()
    {
        using var h = new RecorderHarness(DbPath);
        h.Emit(h.Started("api", 1, 1));
        h.Flush();
        using var store = HistoryStore.Open(DbPath);
        Assert.Single(store.Runs());

        h.Emit(h.Started("web", 2, 1));
        h.Flush();

        Assert.Equal(2, store.Runs().Count);
    }

    [Fact]
    public void A_database_held_exclusively_by_another_program_is_reported_as_locked()
    {
        using (var h = new RecorderHarness(DbPath)) h.Emit(h.Started("api", 1, 1));
        using var other = RawDatabase.Open(DbPath);
        // Exclusive locking mode keeps the lock after the write commits, as a program that owns the file would.
        RawDatabase.Execute(other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO notices (at, level, message) VALUES (0, 'Info', 'mine'); COMMIT;");

        var error = Assert.Throws<HistoryUnavailableException>(() =>
        {
            using var store = HistoryStore.Open(DbPath, TimeSpan.FromSeconds(1));
            store.Runs();
        });

        Assert.Equal($"{DbPath} is locked by another program", error.Message);
    }

    [Fact]
    public void A_reader_that_closes_last_leaves_no_wal_files_behind()
    {
        using (var h = new RecorderHarness(DbPath)) h.Emit(h.Started("api", 1, 1));
        Assert.False(File.Exists(DbPath + "-wal"));

        using (var store = HistoryStore.Open(DbPath)) Assert.Single(store.Runs());

        Assert.False(File.Exists(DbPath + "-wal"));
        Assert.False(File.Exists(DbPath + "-shm"));
    }

    [Fact]
    public void A_write_protected_database_can_still_be_read()
    {
        using (var h = new RecorderHarness(DbPath)) h.Emit(h.Started("api", 1, 1));
        using var readOnly = ReadOnlyFile.Make(DbPath);

        using var store = HistoryStore.Open(DbPath);

        Assert.Single(store.Runs());
    }
}
