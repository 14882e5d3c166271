namespace Tui.App.Views;

/// <summary>
/// A folder as a person reads it on the screen: relative to the config's folder when inside it ("." is the folder
/// itself, the usual cwd), else with the home folder as "~", else in full.
/// </summary>
public static class PathText
{
    private static readonly string? Home = Environment.GetEnvironmentVariable("HOME");

    public static string Short(string path, string configPath) => Short(path, configPath, Home);

    public static string Short(string path, string configPath, string? home)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath));
        if (folder is not null && Inside(path, folder)) return Relative(folder, path);
        if (!string.IsNullOrEmpty(home) && home != "/" && Inside(path, home))
        {
            var rest = Path.GetRelativePath(home, path);
            return rest == "." ? "~" : "~/" + rest;
        }
        return path;
    }

    private static bool Inside(string path, string folder)
    {
        var trimmed = folder.TrimEnd('/');
        return path == trimmed || path.StartsWith(trimmed + "/", StringComparison.Ordinal);
    }

    private static string Relative(string folder, string path)
    {
        var rest = Path.GetRelativePath(folder, path);
        return rest == "." ? "." : "./" + rest;
    }
}
