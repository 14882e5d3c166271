using System.Text;
using Tui.Core.Config;

namespace Tui.Core.Control.Server;

/// <summary>
/// Where the control socket of a configuration lives: one per config file (its absolute path names the running instance),
/// in a 0700 directory of the user's: <c>$XDG_RUNTIME_DIR/tui</c> when set (per-login tmpfs, cleaned at logout), else
/// the given state directory. The name is the config's file name (for a person listing the folder) plus a hash of its
/// full path (two "processes.toml" in different projects never share a socket).
/// </summary>
public static class SocketLocation
{
    public const string Folder = "tui";
    public const string Suffix = ".sock";

    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The socket path for <paramref name="configPath"/>; <paramref name="stateDirectory"/> is the fallback base.</summary>
    public static string For(string configPath, string stateDirectory, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var runtime = environment("XDG_RUNTIME_DIR");
        var directory = !string.IsNullOrEmpty(runtime) && Path.IsPathRooted(runtime) ? Path.Combine(runtime, Folder) : stateDirectory;
        var full = Path.GetFullPath(configPath);
        var hash = PathHash.Of(full);
        var named = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(full)}-{hash}{Suffix}");
        // A deep project folder can make the readable name too long for sun_path; the hash alone always fits a sane base.
        return Encoding.UTF8.GetByteCount(named) <= ControlLimits.MaxSocketPathBytes ? named : Path.Combine(directory, hash + Suffix);
    }


    /// <summary>Creates the socket's directory 0700, or makes an existing one 0700 (it holds only Tui's sockets).</summary>
    public static void PrepareDirectory(string socketPath)
    {
        var directory = Path.GetDirectoryName(socketPath)!;
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Tui runs on Linux");
        Directory.CreateDirectory(directory, PrivateDirectory);
        File.SetUnixFileMode(directory, PrivateDirectory);
    }
}
