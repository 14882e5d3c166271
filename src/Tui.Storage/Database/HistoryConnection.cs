using Microsoft.Data.Sqlite;

namespace Tui.Storage.Database;

/// <summary>Opens the history database the way Tui uses it: WAL (readers never block the writer), no pooling (the file is closed when we are done).</summary>
public static class HistoryConnection
{
    /// <summary>
    /// WAL files grow to the largest transaction between checkpoints; after a checkpoint SQLite truncates the file
    /// back to this size, so a burst of history does not leave a large -wal file behind.
    /// </summary>
    private const long JournalSizeLimitBytes = 4 * 1024 * 1024;

    /// <summary>Opens (creating it and its folder when missing) for the recorder, and configures it. Does not migrate.</summary>
    public static SqliteConnection OpenForWriting(string path, TimeSpan busyTimeout)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadWriteCreate, busyTimeout));
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing database to read it: never creates or migrates it, and only ever runs SELECTs.
    /// Read-write mode, not read-only, so that when the reader is the last to close it can remove the -wal and -shm
    /// files (a read-only connection leaves them behind); SQLite itself falls back to read-only for a protected file.
    /// </summary>
    public static SqliteConnection OpenForReading(string path, TimeSpan busyTimeout)
    {
        var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadWrite, busyTimeout));
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode, TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        // Microsoft.Data.Sqlite retries a busy database for this many whole seconds, then throws SQLITE_BUSY.
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
    }.ToString();

    private static void Configure(SqliteConnection connection)
    {
        // The first statement reads the file header, so a file that is not a database fails here, before anything is written.
        var fresh = SchemaMigrator.CurrentVersion(connection) == 0 && !HasTables(connection);
        // Incremental auto-vacuum lets retention give pages back to the file system; it can only be chosen before the first table.
        if (fresh) Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL");
        var mode = Scalar(connection, "PRAGMA journal_mode = WAL");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new HistoryUnavailableException($"{connection.DataSource}: cannot switch to WAL mode (journal mode stays {mode})");
        // In WAL mode NORMAL survives a crash of Tui; only a power loss may drop the last batches, which history can afford.
        Execute(connection, "PRAGMA synchronous = NORMAL");
        Execute(connection, $"PRAGMA journal_size_limit = {JournalSizeLimitBytes}");
    }

    private static bool HasTables(SqliteConnection connection) =>
        Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) > 0;

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar());
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
