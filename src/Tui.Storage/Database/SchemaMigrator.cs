using Microsoft.Data.Sqlite;

namespace Tui.Storage.Database;

/// <summary>Brings a database to a schema version by applying the missing steps, one transaction each, recorded in PRAGMA user_version.</summary>
public static class SchemaMigrator
{
    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Applies the steps of <paramref name="steps"/> above the database's version, up to <paramref name="target"/> (default: the last).</summary>
    /// <returns>The version the database is at afterwards.</returns>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<Migration> steps, int? target = null)
    {
        CheckOrdered(steps);
        var latest = steps.Count == 0 ? 0 : steps[^1].Version;
        var goal = target ?? latest;
        var version = CurrentVersion(connection);
        if (version > latest)
        {
            throw new HistoryUnavailableException(
                $"{connection.DataSource} has history schema version {version}, newer than this Tui knows ({latest}); use a newer Tui or move the file away");
        }
        foreach (var step in steps)
        {
            if (step.Version <= version || step.Version > goal) continue;
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                // user_version lives in the database header, so it commits (or rolls back) with the step itself.
                command.CommandText = step.Sql + $";\nPRAGMA user_version = {step.Version};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            version = step.Version;
        }
        return version;
    }

    private static void CheckOrdered(IReadOnlyList<Migration> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
                throw new InvalidOperationException($"migration steps must be numbered 1, 2, 3...; step {i + 1} says {steps[i].Version}");
        }
    }
}
