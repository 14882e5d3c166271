using Microsoft.Data.Sqlite;
using Tui.Core.Processes;
using Tui.Storage.Database;
using static Tui.Storage.Database.UnixTime;

namespace Tui.Storage.Reading;

/// <summary>
/// Reads a history database (for <c>tui history</c> and the monitor's history view). Reading never creates,
/// migrates or writes the file, and never blocks the recorder (WAL lets a reader and the writer work at once).
/// Every failure surfaces as <see cref="HistoryUnavailableException"/> with a message that names the file.
/// </summary>
public sealed class HistoryStore : IDisposable
{
    /// <summary>A reader waits this long for a checkpoint or recovery by the writer before it reports the file as locked.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(2);

    private readonly SqliteConnection _connection;
    private readonly string _path;

    private HistoryStore(SqliteConnection connection, string path, int schemaVersion)
    {
        _connection = connection;
        _path = path;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The schema version of the file; queries for tables a version does not have return nothing.</summary>
    public int SchemaVersion { get; }

    public static HistoryStore Open(string path, TimeSpan? busyTimeout = null)
    {
        if (!File.Exists(path)) throw new HistoryUnavailableException($"no history yet: {path} does not exist");
        SqliteConnection? connection = null;
        try
        {
            connection = HistoryConnection.OpenForReading(path, busyTimeout ?? DefaultBusyTimeout);
            var version = SchemaMigrator.CurrentVersion(connection);
            if (version > Migrations.Latest)
            {
                throw new HistoryUnavailableException(
                    $"{path} has history schema version {version}, newer than this Tui knows ({Migrations.Latest}); use a newer Tui");
            }
            return new HistoryStore(connection, path, version);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException or HistoryUnavailableException)
        {
            connection?.Dispose();
            throw error as HistoryUnavailableException ?? new HistoryUnavailableException(HistoryProblem.Describe(error, path), error);
        }
    }

    /// <summary>Runs of one process (or all), oldest first, that were alive at any time since <paramref name="since"/>.</summary>
    public IReadOnlyList<RunRecord> Runs(string? process = null, DateTimeOffset? since = null) => Query(1, """
        SELECT id, process, run, pid, proc_start_ticks, started_at, ended_at, exit_code, signal, reason, end_unknown
        FROM runs
        WHERE (@process IS NULL OR process = @process)
          AND (@since IS NULL OR started_at >= @since OR ended_at >= @since OR (ended_at IS NULL AND end_unknown = 0))
        ORDER BY started_at, id
        """, process, since, r => new RunRecord(
            Id: r.GetInt64(0),
            Process: r.GetString(1),
            Run: r.IsDBNull(2) ? null : r.GetInt32(2),
            Pid: r.GetInt32(3),
            ProcessStartTicks: r.IsDBNull(4) ? null : r.GetInt64(4),
            StartedAt: FromMs(r.GetInt64(5)),
            EndedAt: r.IsDBNull(6) ? null : FromMs(r.GetInt64(6)),
            Exit: r.IsDBNull(6) ? null : new ExitStatus(r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8)),
            Reason: r.IsDBNull(9) ? null : r.GetString(9),
            EndUnknown: r.GetInt64(10) != 0));

    /// <summary>State changes of one process (or all), oldest first.</summary>
    public IReadOnlyList<TransitionRecord> Transitions(string? process = null, DateTimeOffset? since = null) => Query(1, """
        SELECT process, at, from_state, to_state, reason, pid FROM transitions
        WHERE (@process IS NULL OR process = @process) AND (@since IS NULL OR at >= @since)
        ORDER BY at, id
        """, process, since, r => new TransitionRecord(
            r.GetString(0), FromMs(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetInt32(5)));

    /// <summary>Restarts of one process (or all), oldest first.</summary>
    public IReadOnlyList<RestartRecord> Restarts(string? process = null, DateTimeOffset? since = null) => Query(1, """
        SELECT process, at, attempt, delay_ms, cause FROM restarts
        WHERE (@process IS NULL OR process = @process) AND (@since IS NULL OR at >= @since)
        ORDER BY at, id
        """, process, since, r => new RestartRecord(
            r.GetString(0), FromMs(r.GetInt64(1)), r.GetInt32(2), TimeSpan.FromMilliseconds(r.GetInt64(3)), r.GetString(4)));

    /// <summary>Downsampled stats of one process (or all), oldest first; empty for a database older than schema version 2.</summary>
    public IReadOnlyList<StatsPoint> Stats(string? process = null, DateTimeOffset? since = null) => Query(2, """
        SELECT process, bucket_start, samples, cpu_sum, cpu_max, rss_max FROM stats
        WHERE (@process IS NULL OR process = @process) AND (@since IS NULL OR bucket_start >= @since)
        ORDER BY bucket_start, process
        """, process, since, r => new StatsPoint(
            r.GetString(0), FromMs(r.GetInt64(1)), r.GetInt32(2), r.GetDouble(3) / Math.Max(1, r.GetInt32(2)), r.GetDouble(4), r.GetInt64(5)));

    public HistoryCounts Counts(string? process = null, DateTimeOffset? since = null)
    {
        if (SchemaVersion < 1) return new HistoryCounts(0, 0, 0, 0, 0, 0);
        const string window = "(@process IS NULL OR process = @process) AND (@since IS NULL OR at >= @since)";
        return Query(1, $"""
            SELECT
              (SELECT count(*) FROM runs WHERE (@process IS NULL OR process = @process) AND (@since IS NULL OR started_at >= @since)),
              (SELECT count(*) FROM restarts WHERE {window}),
              (SELECT count(*) FROM transitions WHERE {window}),
              (SELECT count(*) FROM notices WHERE process IS NOT NULL AND level IN ('Warning', 'Error') AND {window}),
              (SELECT count(*) FROM reloads WHERE error IS NULL AND @process IS NULL AND (@since IS NULL OR at >= @since)),
              (SELECT count(*) FROM reloads WHERE error IS NOT NULL AND @process IS NULL AND (@since IS NULL OR at >= @since))
            """, process, since, r => new HistoryCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)))[0];
    }

    private List<T> Query<T>(int requiredVersion, string sql, string? process, DateTimeOffset? since, Func<SqliteDataReader, T> read)
    {
        var rows = new List<T>();
        if (SchemaVersion < requiredVersion) return rows;
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("@process", (object?)process ?? DBNull.Value);
            command.Parameters.AddWithValue("@since", since is { } s ? ToMs(s) : DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read()) rows.Add(read(reader));
            return rows;
        }
        catch (SqliteException error)
        {
            // A damaged page may show only when a query reaches it.
            throw new HistoryUnavailableException(HistoryProblem.Describe(error, _path), error);
        }
    }

    public void Dispose() => _connection.Dispose();
}
