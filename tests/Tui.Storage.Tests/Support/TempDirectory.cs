namespace Tui.Storage.Tests.Support;

/// <summary>A fresh temporary folder per test, removed with everything in it.</summary>
public sealed class TempDirectory : IDisposable
{
    public DirectoryInfo Info { get; } = Directory.CreateTempSubdirectory("tui-storage-tests-");

    public string Path => Info.FullName;

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Info.Delete(recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
