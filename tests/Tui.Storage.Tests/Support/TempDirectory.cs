namespace Tui.Storage.Tests.Support;

/// <summary>A fresh temporary folder per test, removed with everything in it.</summary>
public sealed class TempDirectory : IDisposable
{
    public DirectoryInfo Info { get; } = Directory.CreateTempSubdirectory("tui-storage-tests-");

    public string Path => Info.FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Info.Delete(recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
