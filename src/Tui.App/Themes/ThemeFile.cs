using System.Collections.Immutable;
using Tui.Terminal.Drawing;
using Tui.Toml;

namespace Tui.App.Themes;

/// <summary>
/// Reads one theme file:
/// <code>
/// [colors]
/// background = "#282a36"   # "#rrggbb", a palette number "0".."255", a name ("brightred"), or "default"
/// running = "green"
/// </code>
/// Roles the file leaves out keep the built-in default's colour, so a user theme may change only a few.
/// Anything else (an unknown role, a value that is not a colour, TOML errors) is an error naming file:line:col.
/// </summary>
public static class ThemeFile
{
    private const string ColorsTable = "colors";

    /// <summary>Parses a theme; throws <see cref="TomlException"/> with the place of the first problem.</summary>
    public static Theme Load(string path, string name)
    {
        var document = TomlParser.ParseFile(path);
        return FromDocument(document, name);
    }

    public static Theme FromDocument(TomlDocument document, string name)
    {
        var colors = BuiltInTheme.Default.Colors.ToBuilder();
        foreach (var (key, value) in document.Root)
        {
            if (key != ColorsTable)
                throw Error(document, document.Root.KeyPosition(key), $"unknown key '{key}' (a theme has only a [colors] table)");
            if (value is not TomlTable table)
                throw Error(document, value.Position, "[colors] must be a table");
            foreach (var (role, colorNode) in table)
            {
                if (!TryRole(role, out var themeRole))
                    throw Error(document, table.KeyPosition(role), $"unknown colour role '{role}' (known: {string.Join(", ", Enum.GetValues<ThemeRole>().Select(Theme.KeyOf))})");
                if (colorNode is not TomlString text || !Color.TryParse(text.Value, out var color))
                    throw Error(document, colorNode.Position, $"{role}: not a colour (write \"#rrggbb\", \"0\"..\"255\", a name like \"brightred\", or \"default\")");
                colors[(int)themeRole] = color;
            }
        }
        return new Theme(name, colors.ToImmutable());
    }

    private static bool TryRole(string key, out ThemeRole role)
    {
        foreach (var candidate in Enum.GetValues<ThemeRole>())
        {
            if (Theme.KeyOf(candidate) == key) { role = candidate; return true; }
        }
        role = default;
        return false;
    }

    private static TomlException Error(TomlDocument document, TomlPosition position, string reason) =>
        new(document.SourceName, position, reason, null);
}
