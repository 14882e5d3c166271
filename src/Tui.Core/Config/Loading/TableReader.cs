using System.Collections.Immutable;
using System.Globalization;
using Tui.Core.Config.Values;
using Tui.Core.Processes;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>
/// Typed reads from one TOML table. A wrong key or a wrong value is recorded in the <see cref="ErrorList"/>
/// at the key's or the value's position, and the read returns null so the caller keeps its default and goes on:
/// one pass finds every problem.
/// </summary>
internal sealed class TableReader
{
    /// <summary>A signal number above this is not a Linux signal (SIGRTMAX is 64).</summary>
    public const int MaxSignal = 64;

    private readonly TomlTable _table;
    private readonly ErrorList _errors;
    private readonly string _prefix;

    /// <param name="prefix">Put before key names in messages ("backoff." for backoff.initial).</param>
    /// <param name="where">Where the table is, for the unknown-key message ("in [processes.api]").</param>
    /// <param name="misplacedHint">Called with an unknown key; may return a hint for a key that belongs elsewhere.</param>
    /// <param name="knownKeys">The keys allowed; null when any key is (the names of a depends_on table).</param>
    public TableReader(TomlTable table, string where, IReadOnlyCollection<string>? knownKeys, ErrorList errors,
        string prefix = "", Func<string, string?>? misplacedHint = null)
    {
        _table = table;
        _errors = errors;
        _prefix = prefix;
        if (knownKeys is null) return;
        foreach (var key in table.Keys.Where(k => !knownKeys.Contains(k)))
        {
            var hint = misplacedHint?.Invoke(key) ?? Spelling.Suggestion(key, knownKeys);
            _errors.Add(table.KeyPosition(key), $"unknown key `{key}` {where}{hint}");
        }
    }

    public ErrorList Errors => _errors;

    public TomlNode? Node(string key) => _table.TryGetValue(key, out var node) ? node : null;

    public TomlPosition KeyPosition(string key) => _table.KeyPosition(key);

    public void Error(TomlPosition position, string reason) => _errors.Add(position, reason);

    /// <summary>Records "KEY must be EXPECTED, not WHAT-WAS-FOUND" at the value.</summary>
    public void TypeError(string key, TomlNode node, string expected) =>
        _errors.Add(node.Position, $"{_prefix}{key} must be {expected}, not {Describe(node)}");

    public string? String(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is TomlString s)
        {
            if (s.Value.Length > 0) return s.Value;
            _errors.Add(node.Position, $"{_prefix}{key} cannot be empty");
            return null;
        }
        TypeError(key, node, "a string");
        return null;
    }

    public bool? Bool(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is TomlBoolean b) return b.Value;
        TypeError(key, node, "true or false");
        return null;
    }

    public long? Integer(string key, long min, long max)
    {
        if (Node(key) is not { } node) return null;
        if (node is not TomlInteger i)
        {
            TypeError(key, node, "an integer");
            return null;
        }
        if (i.Value < min || i.Value > max)
        {
            _errors.Add(node.Position, i.Value < min
                ? $"{_prefix}{key} must be at least {min}, not {i.Value}"
                : $"{_prefix}{key} must be at most {max}, not {i.Value}");
            return null;
        }
        return i.Value;
    }

    /// <summary>A float, or an integer standing for one (factor = 2).</summary>
    public double? Number(string key, double min, double max)
    {
        if (Node(key) is not { } node) return null;
        double? value = node switch
        {
            TomlFloat f => f.Value,
            TomlInteger i => i.Value,
            _ => null,
        };
        if (value is null)
        {
            TypeError(key, node, "a number");
            return null;
        }
        if (double.IsNaN(value.Value) || value < min || value > max)
        {
            _errors.Add(node.Position, $"{_prefix}{key} must be between {Invariant(min)} and {Invariant(max)}, not {Invariant(value.Value)}");
            return null;
        }
        return value;
    }

    public TimeSpan? Duration(string key)
    {
        if (Node(key) is not { } node) return null;
        switch (node)
        {
            case TomlString s:
                if (Values.Duration.TryParse(s.Value, out var value, out var error)) return value;
                _errors.Add(node.Position, $"{_prefix}{key}: {error}");
                return null;
            case TomlInteger i:
                _errors.Add(node.Position, $"{_prefix}{key} must be a duration string with a unit; write \"{i.Value}s\" or \"{i.Value}ms\"");
                return null;
            default:
                TypeError(key, node, $"a duration such as {Values.Duration.Examples}");
                return null;
        }
    }

    public long? Size(string key, long min)
    {
        if (Node(key) is not { } node) return null;
        long bytes;
        switch (node)
        {
            case TomlInteger i:
                bytes = i.Value;
                break;
            case TomlString s:
                if (!ByteSize.TryParse(s.Value, out bytes, out var error))
                {
                    _errors.Add(node.Position, $"{_prefix}{key}: {error}");
                    return null;
                }
                break;
            default:
                TypeError(key, node, $"a size such as {ByteSize.Examples}");
                return null;
        }
        if (bytes < min)
        {
            _errors.Add(node.Position, $"{_prefix}{key} must be at least {ByteSize.Format(min)}");
            return null;
        }
        return bytes;
    }

    /// <summary>One of a fixed set of strings, named in the message when the value is not one of them.</summary>
    public T? OneOf<T>(string key, IReadOnlyList<(string Text, T Value)> choices) where T : struct
    {
        if (Node(key) is not { } node) return null;
        if (node is TomlString s)
        {
            foreach (var (text, value) in choices)
            {
                if (text == s.Value) return value;
            }
        }
        var list = string.Join(", ", choices.Select(c => $"\"{c.Text}\""));
        _errors.Add(node.Position, $"{_prefix}{key} must be one of {list}, not {Describe(node)}");
        return null;
    }

    /// <summary>A signal name ("SIGTERM", "TERM") or number.</summary>
    public int? Signal(string key)
    {
        if (Node(key) is not { } node) return null;
        switch (node)
        {
            case TomlString s when Signals.TryParse(s.Value, out var signal):
                return signal;
            case TomlInteger i when i.Value is >= 1 and <= MaxSignal:
                return (int)i.Value;
            case TomlInteger i:
                _errors.Add(node.Position, $"{_prefix}{key} must be a signal number from 1 to {MaxSignal}, not {i.Value}");
                return null;
            case TomlString s:
                _errors.Add(node.Position, $"{_prefix}{key}: unknown signal \"{s.Value}\" (use a name such as \"SIGTERM\", \"SIGINT\", \"SIGHUP\", or a number)");
                return null;
            default:
                TypeError(key, node, "a signal name such as \"SIGTERM\" or a number");
                return null;
        }
    }

    public TomlTable? Table(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is TomlTable table) return table;
        TypeError(key, node, "a table");
        return null;
    }

    /// <summary>An array of non-empty strings; bad items are reported one by one and left out.</summary>
    public ImmutableArray<TomlString>? StringArray(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is not TomlArray array)
        {
            TypeError(key, node, "an array of strings");
            return null;
        }
        return Strings(key, array);
    }

    /// <summary>A string, or an array of strings (env_file = ".env" or [".env", ".env.local"]).</summary>
    public ImmutableArray<TomlString>? StringOrArray(string key)
    {
        if (Node(key) is not { } node) return null;
        switch (node)
        {
            case TomlString { Value.Length: > 0 } s:
                return [s];
            case TomlString:
                _errors.Add(node.Position, $"{_prefix}{key} cannot be empty");
                return null;
            case TomlArray array:
                return Strings(key, array);
            default:
                TypeError(key, node, "a string or an array of strings");
                return null;
        }
    }

    private ImmutableArray<TomlString> Strings(string key, TomlArray array)
    {
        var items = ImmutableArray.CreateBuilder<TomlString>();
        foreach (var item in array)
        {
            if (item is TomlString { Value.Length: > 0 } s)
                items.Add(s);
            else if (item is TomlString)
                _errors.Add(item.Position, $"{_prefix}{key} cannot contain an empty string");
            else
                _errors.Add(item.Position, $"{_prefix}{key} must contain only strings, not {Describe(item)}");
        }
        return items.ToImmutable();
    }

    /// <summary>How a found value is named in a message: the value itself for scalars, the type for the rest.</summary>
    public static string Describe(TomlNode node) => node switch
    {
        TomlString s => $"the string \"{Shorten(s.Value)}\"",
        TomlInteger i => $"the integer {i.Value}",
        TomlFloat f => $"the float {Invariant(f.Value)}",
        TomlBoolean b => b.Value ? "true" : "false",
        TomlArray => "an array",
        TomlTable => "a table",
        _ => $"a {node.TypeName}",
    };

    /// <summary>Long values are cut so a message stays on one line.</summary>
    private const int MaxQuotedLength = 40;

    private static string Shorten(string text)
    {
        var oneLine = text.Replace("\n", "\\n", StringComparison.Ordinal);
        return oneLine.Length <= MaxQuotedLength ? oneLine : oneLine[..(MaxQuotedLength - 1)] + "…";
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
