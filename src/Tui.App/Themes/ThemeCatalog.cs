using System.Collections.Immutable;
using Tui.Toml;

namespace Tui.App.Themes;

/// <summary>
/// Finds themes by name. Shipped themes sit in a themes/ folder next to the program; a user's own
/// are found beside the config file, as themes/NAME.toml or NAME.theme.toml, and win over shipped ones of the same name.
/// Looking again on every call is deliberate: a theme written while the monitor runs shows up on the next 't'.
/// </summary>
public sealed class ThemeCatalog(IReadOnlyList<string> shippedDirectories, string? configDirectory)
{
    private const string ThemesFolder = "themes";
    private const string ThemeExtension = ".toml";
    private const string UserThemeSuffix = ".theme.toml";

    /// <summary>The catalog of a running program: themes/ beside the assembly, and the config's folder.</summary>
    public static ThemeCatalog ForConfig(string? configPath) => new(
        [Path.Combine(AppContext.BaseDirectory, ThemesFolder)],
        configPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(configPath)));

    /// <summary>Every theme name found, the default first and the rest in alphabetical order.</summary>
    public ImmutableArray<string> Names()
    {
        var names = Files().Keys.Append(BuiltInTheme.DefaultName).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n == BuiltInTheme.DefaultName ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal);
        return [.. names];
    }

    /// <summary>
    /// Loads a theme. An unknown name or a bad file yields the built-in default and a message that says why
    /// (with file:line:col for a bad file); the monitor shows it as a notification.
    /// </summary>
    public ThemeLoadResult Load(string name)
    {
        if (!Files().TryGetValue(name, out var path))
        {
            return name == BuiltInTheme.DefaultName
                ? new ThemeLoadResult(BuiltInTheme.Default, null)
                : new ThemeLoadResult(BuiltInTheme.Default, $"theme '{name}' not found (known: {string.Join(", ", Names())}); using the default");
        }
        try
        {
            return new ThemeLoadResult(ThemeFile.Load(path, name), null);
        }
        catch (TomlException e)
        {
            return new ThemeLoadResult(BuiltInTheme.Default, $"theme {e.ShortMessage}; using the default");
        }
        catch (IOException e)
        {
            return new ThemeLoadResult(BuiltInTheme.Default, $"theme {path}: {e.Message}; using the default");
        }
        catch (UnauthorizedAccessException e)
        {
            return new ThemeLoadResult(BuiltInTheme.Default, $"theme {path}: {e.Message}; using the default");
        }
    }

    /// <summary>Name → file; later sources override earlier ones.</summary>
    private Dictionary<string, string> Files()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in shippedDirectories)
            AddAll(files, dir, "*" + ThemeExtension, ThemeExtension);
        if (configDirectory is not null)
        {
            AddAll(files, Path.Combine(configDirectory, ThemesFolder), "*" + ThemeExtension, ThemeExtension);
            AddAll(files, configDirectory, "*" + UserThemeSuffix, UserThemeSuffix);
        }
        return files;
    }

    private static void AddAll(Dictionary<string, string> files, string directory, string pattern, string suffix)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory, pattern))
        {
            var fileName = Path.GetFileName(file);
            var name = fileName[..^suffix.Length];
            if (name.Length > 0) files[name] = file;
        }
    }
}

/// <summary>A loaded theme, and what went wrong if it is the default standing in for another.</summary>
public sealed record ThemeLoadResult(Theme Theme, string? Problem);
