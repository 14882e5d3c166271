namespace Tui.Core.Tests.TestSupport;

/// <summary>
/// A fresh directory directly under /tmp that every user can reach, for tests where another uid must connect
/// to a socket. TMPDIR is not used: a CI runner may point it into a directory private to root.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class WorldReachableDirectory : IDisposable
{
    public WorldReachableDirectory(string prefix)
    {
        Info = new DirectoryInfo(Path.Combine("/tmp", $"{prefix}-{Guid.NewGuid():N}"));
        Info.Create();
        File.SetUnixFileMode(Info.FullName, (UnixFileMode)0b111_101_101);
    }

    public DirectoryInfo Info { get; }

    public void Dispose()
    {
        if (Info.Exists) Info.Delete(recursive: true);
    }
}
