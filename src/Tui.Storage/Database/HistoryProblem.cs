using Microsoft.Data.Sqlite;

namespace Tui.Storage.Database;

/// <summary>Turns a failure of the history database into one sentence that names the file and what to do.</summary>
public static class HistoryProblem
{
    // SQLite primary result codes (sqlite3.h); the extended code's low byte is the primary one.
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteCorrupt = 11,
        SqliteFull = 13, SqliteCantOpen = 14, SqliteNotADatabase = 26;

    public static string Describe(Exception error, string path) => error switch
    {
        HistoryUnavailableException e => e.Message,
        SqliteException e => (e.SqliteErrorCode & 0xff) switch
        {
            SqliteNotADatabase => $"{path} is not a database (file is not a database); move it away to start a new history",
            SqliteCorrupt => $"{path} is corrupt (database disk image is malformed); move it away to start a new history",
            SqliteBusy or SqliteLocked => $"{path} is locked by another program",
            SqliteReadOnly => $"{path} is read-only",
            SqliteCantOpen => $"cannot open {path} (check that its folder exists and is writable)",
            SqliteFull => $"the disk holding {path} is full",
            SqliteIoError => $"I/O error on {path}",
            _ => $"{path}: {e.Message}",
        },
        UnauthorizedAccessException => $"no permission to use {path}",
        IOException e => $"{path}: {e.Message}",
        _ => $"{path}: unexpected {error.GetType().Name}: {error.Message}",
    };
}
