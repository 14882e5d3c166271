namespace Tui.Core.Config.Loading;

/// <summary>Paths in a config are relative to the config file's folder, not to wherever tui was started.</summary>
internal static class Paths
{
    public static string? Resolve(string baseDirectory, string? path) =>
        path is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, path));

    /// <summary>How to name a file in a message: beside the config, in the same form the user named the config.</summary>
    public static string Display(string configPath, string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(configPath) ?? "", path);
}
