using Tui.Core.Config;

namespace Tui.Core.Tests.Reload;

/// <summary>A real config file (and its neighbours) in a temp dir, removed on dispose.</summary>
internal sealed class ConfigFile : IDisposable
{
    public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("tui-reload-");

    public string Path => PathOf("processes.toml");

    public string PathOf(string name) => System.IO.Path.Combine(Dir.FullName, name);

    public void Write(string toml) => File.WriteAllText(Path, toml);

    public TuiConfig Load(string toml)
    {
        Write(toml);
        return ConfigLoader.Load(Path);
    }

    public void Dispose() => Dir.Delete(recursive: true);
}
