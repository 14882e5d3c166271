using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>A temp folder holding a processes.toml and its env files; loads and checks configs written into it.</summary>
public sealed class ConfigScratch : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tui-config-");

    public string Folder => _directory.FullName;

    public string ConfigPath => Path.Combine(Folder, "processes.toml");

    /// <summary>Writes a file beside the config and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public TuiConfig Load(string toml, IReadOnlyDictionary<string, string>? parentEnv = null) =>
        ConfigLoader.Parse(toml, ConfigPath, parentEnv ?? new Dictionary<string, string>());

    /// <summary>The errors of a config that must fail, as "line:col: reason" (the file name is checked separately).</summary>
    public IReadOnlyList<string> Errors(string toml, IReadOnlyDictionary<string, string>? parentEnv = null)
    {
        var exception = Assert.Throws<ConfigException>(() => Load(toml, parentEnv));
        Assert.NotEmpty(exception.Errors);
        return [.. exception.Errors.Select(e => $"{(e.SourceName == ConfigPath ? "" : Path.GetFileName(e.SourceName) + ":")}{e.Line}:{e.Column}: {e.Reason}")];
    }

    /// <summary>The one error of a config that must fail with exactly one.</summary>
    public string Error(string toml, IReadOnlyDictionary<string, string>? parentEnv = null) => Assert.Single(Errors(toml, parentEnv));

    public void Dispose() => _directory.Delete(recursive: true);
}
