using System.Collections.Immutable;
using System.Globalization;
using Tui.Core.Config.Variables;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>
/// Merges environment sources in order of precedence (later wins), interpolating each value as it is added:
/// a value sees the fixed variables (TUI_PROCESS, TUI_REPLICA), then what is merged so far, then the parent environment.
/// </summary>
internal sealed class EnvironmentBuilder(
    ImmutableDictionary<string, string> start,
    IReadOnlyDictionary<string, string> parent,
    IReadOnlyDictionary<string, string> fixedVariables,
    ErrorList errors)
{
    private readonly ImmutableDictionary<string, string>.Builder _values = start.ToBuilder();

    public ImmutableDictionary<string, string> Values => _values.ToImmutable().SetItems(fixedVariables);

    /// <summary>An [env] table: string values are interpolated, integers and booleans taken as their TOML text.</summary>
    public void AddTable(TomlTable env, string prefix)
    {
        foreach (var (key, node) in env)
        {
            if (key.Length == 0 || key.Contains('=') || key.Contains('\0'))
            {
                errors.Add(env.KeyPosition(key), $"{prefix}: \"{key}\" is not a valid variable name (it must be non-empty, without \"=\")");
                continue;
            }
            switch (node)
            {
                case TomlString s:
                    if (Interpolator.TryExpand(s.Value, Lookup, out var value, out var error))
                        _values[key] = value;
                    else
                        errors.Add(node.Position, $"{prefix}.{key}: {error}");
                    break;
                case TomlInteger i:
                    _values[key] = i.Value.ToString(CultureInfo.InvariantCulture);
                    break;
                case TomlBoolean b:
                    _values[key] = b.Value ? "true" : "false";
                    break;
                default:
                    errors.Add(node.Position, $"{prefix}.{key} must be a string, not {TableReader.Describe(node)}");
                    break;
            }
        }
    }

    /// <summary>An env file's entries; single-quoted values are taken literally.</summary>
    public void AddFile(LoadedEnvFile file)
    {
        foreach (var entry in file.File.Entries)
        {
            if (entry.Quoting == DotEnvQuoting.Single)
                _values[entry.Key] = entry.Value;
            else if (Interpolator.TryExpand(entry.Value, Lookup, out var value, out var error))
                _values[entry.Key] = value;
            else
                errors.Add(file.Source.Error(entry.ValuePosition, $"{entry.Key}: {error}"));
        }
    }

    private string? Lookup(string name) =>
        fixedVariables.TryGetValue(name, out var fixedValue) ? fixedValue
        : _values.TryGetValue(name, out var value) ? value
        : parent.TryGetValue(name, out var inherited) ? inherited
        : null;
}
