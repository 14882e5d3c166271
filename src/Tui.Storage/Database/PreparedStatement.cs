using Microsoft.Data.Sqlite;

namespace Tui.Storage.Database;

/// <summary>One SQL statement compiled once and run many times with positional values (parameters @p0, @p1, ...).</summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedStatement(SqliteConnection connection, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _parameters[i] = _command.CreateParameter();
            _parameters[i].ParameterName = "@p" + i;
            _command.Parameters.Add(_parameters[i]);
        }
    }

    /// <summary>Runs the statement inside <paramref name="transaction"/>; returns the rows it changed.</summary>
    public int Execute(SqliteTransaction transaction, params ReadOnlySpan<object?> values)
    {
        Bind(transaction, values);
        return _command.ExecuteNonQuery();
    }

    private void Bind(SqliteTransaction transaction, ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
            throw new ArgumentException($"statement takes {_parameters.Length} values, got {values.Length}");
        _command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public void Dispose() => _command.Dispose();
}
