using Microsoft.Data.Sqlite;
using static Tui.Storage.Database.UnixTime;

namespace Tui.Storage.Recording;

/// <summary>Deletes history past its age, then the oldest rows while the database is over its size, and gives the space back.</summary>
internal static class RetentionPruner
{
    /// <summary>
    /// Over size, each step deletes the oldest share of every table that the excess is of the whole (plus this margin,
    /// since rows differ in size), so a step neither crawls nor overshoots; steps repeat until under the target.
    /// </summary>
    private const double SizeStepMargin = 0.02;

    /// <summary>
    /// Each table, its indexed time column (so an age scan covers only old rows), the time its rows count as,
    /// and which rows may go (a run that is still going stays).
    /// </summary>
    private static readonly (string Table, string Indexed, string Time, string Deletable)[] Tables =
    [
        ("runs", "started_at", "COALESCE(ended_at, started_at)", "(ended_at IS NOT NULL OR end_unknown = 1)"),
        ("transitions", "at", "at", "1"),
        ("restarts", "at", "at", "1"),
        ("notices", "at", "at", "1"),
        ("reloads", "at", "at", "1"),
        ("stats", "bucket_start", "bucket_start", "1"),
    ];

    /// <returns>The rows deleted.</returns>
    public static long Prune(SqliteConnection connection, RetentionPolicy policy, DateTimeOffset now)
    {
        var deleted = PruneByAge(connection, ToMs(now - policy.MaxAge));
        if (UsedBytes(connection) > policy.MaxBytes)
        {
            var target = (long)(policy.MaxBytes * RetentionPolicy.SizeTargetFraction);
            for (var used = UsedBytes(connection); used > target; used = UsedBytes(connection))
            {
                var step = DeleteOldestShare(connection, Math.Min(1.0, (double)(used - target) / used + SizeStepMargin));
                if (step == 0) break;
                deleted += step;
            }
        }
        if (deleted > 0) Execute(connection, "PRAGMA incremental_vacuum");
        return deleted;
    }

    /// <summary>Bytes in pages that hold data (free pages do not count: SQLite reuses them before it grows the file).</summary>
    public static long UsedBytes(SqliteConnection connection) =>
        (Long(connection, "PRAGMA page_count") - Long(connection, "PRAGMA freelist_count")) * Long(connection, "PRAGMA page_size");

    private static long PruneByAge(SqliteConnection connection, long cutoffMs)
    {
        using var transaction = connection.BeginTransaction();
        long deleted = 0;
        foreach (var (table, indexed, time, deletable) in Tables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {table} WHERE {indexed} < @cutoff AND {time} < @cutoff AND {deletable}";
            command.Parameters.AddWithValue("@cutoff", cutoffMs);
            deleted += command.ExecuteNonQuery();
        }
        transaction.Commit();
        return deleted;
    }

    private static long DeleteOldestShare(SqliteConnection connection, double share)
    {
        using var transaction = connection.BeginTransaction();
        long deleted = 0;
        foreach (var (table, _, _, deletable) in Tables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT count(*) FROM {table}";
            var rows = (long)Math.Ceiling(Convert.ToInt64(command.ExecuteScalar()) * share);
            // Row ids grow with time, so the lowest ids are the oldest rows.
            command.CommandText = $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {deletable} ORDER BY id LIMIT {rows})";
            deleted += command.ExecuteNonQuery();
        }
        transaction.Commit();
        return deleted;
    }

    private static long Long(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
