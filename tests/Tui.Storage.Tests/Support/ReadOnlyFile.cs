using CliWrap;
using CliWrap.Buffered;

namespace Tui.Storage.Tests.Support;

/// <summary>
/// Makes a file unwritable for the lifetime of the object. Mode 0444 stops a normal user; root ignores modes,
/// so as root the file is made immutable (chattr +i) instead, and made mutable again on Dispose.
/// </summary>
public sealed class ReadOnlyFile : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly bool _immutable;
    private bool _disposed;

    private ReadOnlyFile(string path, UnixFileMode mode, bool immutable)
    {
        _path = path;
        _mode = mode;
        _immutable = immutable;
    }

    public static ReadOnlyFile Make(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException();
        var mode = File.GetUnixFileMode(path);
        if (!Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            return new ReadOnlyFile(path, mode, immutable: false);
        }
        Chattr("+i", path);
        return new ReadOnlyFile(path, mode, immutable: true);
    }

    private static void Chattr(string flag, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = Cli.Wrap("chattr").WithArguments([flag, path]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token).GetAwaiter().GetResult();
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"chattr {flag} {path} failed: {result.StandardError} (the test needs a file system with immutable files when run as root)");
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_immutable) Chattr("-i", _path);
        else if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_path, _mode);
    }
}
