using Microsoft.Data.Sqlite;

namespace Tui.Storage.Recording;

/// <summary>
/// Runs left open by an earlier Tui that stopped without seeing them end (killed, crashed, power loss).
/// A new recorder marks them, so history does not show them as still running forever.
/// </summary>
internal static class UnfinishedRuns
{
    public const string Reason = "Tui stopped before this run ended";

    /// <returns>How many runs were marked.</returns>
    public static int MarkEndUnknown(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE runs SET end_unknown = 1, reason = COALESCE(reason, @reason) WHERE ended_at IS NULL AND end_unknown = 0";
        command.Parameters.AddWithValue("@reason", Reason);
        return command.ExecuteNonQuery();
    }
}
