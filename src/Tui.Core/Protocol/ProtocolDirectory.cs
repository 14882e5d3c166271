using System.Text;
using Tui.Core.Config;

namespace Tui.Core.Protocol;

/// <summary>
/// The private directory (0700, Tui's own) that holds the sockets of one config's processes. Its path depends only on
/// the uid and the config file, so a restarted Tui binds the same sockets again and clients reconnect to them:
/// <c>$XDG_RUNTIME_DIR/tui/&lt;hash&gt;</c>, else <c>/dev/shm/tui-&lt;uid&gt;/&lt;hash&gt;</c>, else <c>/tmp/tui-&lt;uid&gt;/&lt;hash&gt;</c>. When that place is not safe (owned
/// by someone else, or open to others), a fresh private temp directory is used instead.
/// </summary>
public sealed class ProtocolDirectory
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private ProtocolDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>The directory for the config at <paramref name="configPath"/>, created if needed.</summary>
    public static ProtocolDirectory For(string configPath) =>
        For(configPath, Bases(Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"), SharedMemory, System.IO.Path.GetTempPath()));

    /// <summary>The tmpfs every Linux has (glibc's shm_open needs it), sticky and open to all like /tmp.</summary>
    private const string SharedMemory = "/dev/shm";

    /// <summary>
    /// Where the directory may go, best first: the user's runtime directory; else <c>/dev/shm</c>, for sockets are
    /// runtime state and tmpfs makes and removes them in memory (a /tmp on a disk file system pays for every one: ext4
    /// without a journal scans its recently deleted inodes on each create, which made socket binds half of the cost of
    /// starting short jobs); else the temp directory.
    /// </summary>
    internal static IReadOnlyList<string> Bases(string? runtimeDirectory, string sharedMemory, string temp)
    {
        var bases = new List<string>(3);
        if (!string.IsNullOrEmpty(runtimeDirectory) && System.IO.Path.IsPathRooted(runtimeDirectory)) bases.Add(System.IO.Path.Combine(runtimeDirectory, "tui"));
        var own = $"tui-{PeerCredentials.OwnUid}";
        if (Directory.Exists(sharedMemory)) bases.Add(System.IO.Path.Combine(sharedMemory, own));
        bases.Add(System.IO.Path.Combine(temp, own));
        return bases;
    }

    /// <summary>The directory for the config under the first of <paramref name="bases"/> that is safe.</summary>
    internal static ProtocolDirectory For(string configPath, IReadOnlyList<string> bases)
    {
        var hash = PathHash.Of(System.IO.Path.GetFullPath(configPath));
        foreach (var root in bases)
        {
            if (TryPrivate(root) && TryPrivate(System.IO.Path.Combine(root, hash))) return new ProtocolDirectory(System.IO.Path.Combine(root, hash));
        }
        var fallback = Directory.CreateTempSubdirectory("tui-");
        SocketFiles.SetMode(fallback.FullName, Private);
        return new ProtocolDirectory(fallback.FullName);
    }

    /// <summary>An existing directory used as is (tests: a temp directory the test made).</summary>
    public static ProtocolDirectory At(string path)
    {
        Directory.CreateDirectory(path);
        SocketFiles.SetMode(path, Private);
        return new ProtocolDirectory(path);
    }

    /// <summary>Makes the directory again if it was removed (by <see cref="RemoveIfEmpty"/>, or by someone cleaning /tmp).</summary>
    public void Ensure()
    {
        if (Directory.Exists(Path)) return;
        Directory.CreateDirectory(Path);
        SocketFiles.SetMode(Path, Private);
    }

    /// <summary>Removes the directory once no socket is left in it, so that configs run once leave nothing behind.</summary>
    public void RemoveIfEmpty()
    {
        try
        {
            if (Directory.Exists(Path) && !Directory.EnumerateFileSystemEntries(Path).Any()) Directory.Delete(Path);
        }
        catch (IOException)
        {
            // A socket was bound in it meanwhile: it is in use again.
        }
    }

    /// <summary>Where a process's socket of <paramref name="kind"/> ("sock", "notify") goes: its name when the path fits, else a hash.</summary>
    public string SocketPathFor(string process, string kind)
    {
        var named = System.IO.Path.Combine(Path, $"{process}.{kind}");
        return Encoding.UTF8.GetByteCount(named) <= ProtocolLimits.MaxSocketPathBytes
            ? named
            : System.IO.Path.Combine(Path, $"{PathHash.Of(process)}.{kind}");
    }

    /// <summary>Creates <paramref name="path"/> 0700 if missing; true when it is a real directory of ours that only we can use.</summary>
    private static bool TryPrivate(string path)
    {
        try
        {
            if (OperatingSystem.IsWindows()) return false;
            if (!Directory.Exists(path)) Directory.CreateDirectory(path, Private);
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is not null) return false;
            if ((info.UnixFileMode & ~Private) != 0) return false;
            return Native.UnixCalls.OwnerOf(path) == PeerCredentials.OwnUid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
