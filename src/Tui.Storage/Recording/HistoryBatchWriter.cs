using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tui.Core.Supervision;
using Tui.Storage.Database;
using static Tui.Storage.Database.UnixTime;

namespace Tui.Storage.Recording;

/// <summary>Writes one batch of entries in one transaction, with statements compiled once per connection.</summary>
internal sealed class HistoryBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly PreparedStatement _insertRun, _closeRun, _insertEndedRun, _noteRunReason,
        _insertTransition, _insertRestart, _insertNotice, _insertReload, _upsertStats;
    private readonly Dictionary<StatsBuckets.Key, StatsBuckets.Aggregate> _buckets = [];

    public HistoryBatchWriter(SqliteConnection connection)
    {
        _connection = connection;
        _insertRun = new(connection,
            "INSERT INTO runs (process, run, pid, proc_start_ticks, started_at) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        // The newest open run of that process and pid (ORDER BY started_at walks the runs_by_process index backwards).
        _closeRun = new(connection, """
            UPDATE runs SET ended_at = @p2, exit_code = @p3, signal = @p4
            WHERE id = (SELECT id FROM runs WHERE process = @p0 AND pid = @p1 AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1)
            """, 5);
        _insertEndedRun = new(connection, """
            INSERT INTO runs (process, pid, started_at, ended_at, exit_code, signal) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
            """, 6);
        // The first reason wins: "user stop" on the way to Stopping says more than the exit that follows it.
        _noteRunReason = new(connection, """
            UPDATE runs SET reason = @p2
            WHERE id = (SELECT id FROM runs WHERE process = @p0 AND (@p1 IS NULL OR pid = @p1) ORDER BY started_at DESC LIMIT 1)
              AND reason IS NULL
            """, 3);
        _insertTransition = new(connection,
            "INSERT INTO transitions (process, at, from_state, to_state, reason, pid) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);
        _insertRestart = new(connection,
            "INSERT INTO restarts (process, at, attempt, delay_ms, cause) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        _insertNotice = new(connection,
            "INSERT INTO notices (at, process, level, message) VALUES (@p0, @p1, @p2, @p3)", 4);
        _insertReload = new(connection,
            "INSERT INTO reloads (at, added, removed, changed, error) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        _upsertStats = new(connection, """
            INSERT INTO stats (process, bucket_start, samples, cpu_sum, cpu_max, rss_max) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
            ON CONFLICT (process, bucket_start) DO UPDATE SET
                samples = samples + excluded.samples,
                cpu_sum = cpu_sum + excluded.cpu_sum,
                cpu_max = max(cpu_max, excluded.cpu_max),
                rss_max = max(rss_max, excluded.rss_max)
            """, 6);
    }

    /// <summary>Writes the batch; returns the rows it inserted or changed.</summary>
    public int Write(IReadOnlyList<HistoryEntry> batch)
    {
        using var transaction = _connection.BeginTransaction();
        var rows = 0;
        _buckets.Clear();
        foreach (var entry in batch)
        {
            if (entry is EventEntry e) rows += WriteEvent(transaction, e);
            else if (entry is StatsEntry s) StatsBuckets.Add(_buckets, s.Stats);
        }
        foreach (var (key, a) in _buckets)
            rows += _upsertStats.Execute(transaction, key.Process, key.BucketStartMs, a.Samples, a.CpuSum, a.CpuMax, a.RssMax);
        transaction.Commit();
        return rows;
    }

    private int WriteEvent(SqliteTransaction tx, EventEntry entry) => entry.Event switch
    {
        ProcessStarted e => _insertRun.Execute(tx, e.Process, e.Run, e.Pid, entry.StartTicks, ToMs(e.At)),
        ProcessExited e => WriteExit(tx, e),
        StateChanged e => WriteTransition(tx, e),
        RestartScheduled e => _insertRestart.Execute(tx, e.Process, ToMs(e.At), e.Attempt, (long)e.Delay.TotalMilliseconds, e.Cause),
        Notice e => _insertNotice.Execute(tx, ToMs(e.At), e.Process, e.Level.ToString(), e.Message),
        ConfigReloaded e => _insertReload.Execute(tx, ToMs(e.At), Json(e.Added), Json(e.Removed), Json(e.Changed), null),
        ConfigError e => _insertReload.Execute(tx, ToMs(e.At), null, null, null, e.Message),
        _ => 0,
    };

    private int WriteExit(SqliteTransaction tx, ProcessExited e)
    {
        var closed = _closeRun.Execute(tx, e.Process, e.Pid, ToMs(e.At), e.Status.Code, e.Status.Signal);
        if (closed > 0) return closed;
        // The start was not seen (history began while it ran, or the batch with its start was dropped): the uptime still tells when it began.
        return _insertEndedRun.Execute(tx, e.Process, e.Pid, ToMs(e.At - e.Uptime), ToMs(e.At), e.Status.Code, e.Status.Signal);
    }

    private int WriteTransition(SqliteTransaction tx, StateChanged e)
    {
        var rows = _insertTransition.Execute(tx, e.Process, ToMs(e.At), e.From.ToString(), e.To.ToString(), e.Reason, e.Pid);
        if (EndsRun(e)) rows += _noteRunReason.Execute(tx, e.Process, e.Pid, e.Reason);
        return rows;
    }

    /// <summary>A transition that says why the current run ends: a stop begins, or a live process leaves the live states.</summary>
    private static bool EndsRun(StateChanged e) =>
        e.To == ProcessState.Stopping || (e.From.IsAlive() && !e.To.IsAlive());

    private static string Json(IReadOnlyList<string> names) => JsonSerializer.Serialize(names, HistoryJsonContext.Default.IReadOnlyListString);

    public void Dispose()
    {
        foreach (var statement in new[] { _insertRun, _closeRun, _insertEndedRun, _noteRunReason, _insertTransition, _insertRestart, _insertNotice, _insertReload, _upsertStats })
            statement.Dispose();
    }
}
