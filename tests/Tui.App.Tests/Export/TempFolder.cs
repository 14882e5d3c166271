namespace Tui.App.Tests.Export;

/// <summary>A temporary folder, deleted with everything in it.</summary>
public sealed class TempFolder(string prefix) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory(prefix);

    public string Path => _folder.FullName;

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
