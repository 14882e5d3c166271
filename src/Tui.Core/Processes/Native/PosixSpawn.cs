using System.Runtime.InteropServices;

namespace Tui.Core.Processes.Native;

/// <summary>
/// glibc's posix_spawn(3), which .NET does not expose: it starts a child in one clone(CLONE_VFORK) + exec with the
/// child made a session and group leader first (POSIX_SPAWN_SETSID), which <see cref="System.Diagnostics.Process"/>
/// cannot do. The attribute and file-action objects are opaque; they are given generous native buffers (glibc's are
/// 336 and 80 bytes on 64-bit Linux).
/// </summary>
internal static unsafe partial class PosixSpawn
{
    private const string Library = "libc";

    public const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;
    public const int ObjectBytes = 512;
    public const int SigsetBytes = 128;

    [LibraryImport(Library)]
    public static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_addopen(void* actions, int fd, byte* path, int flags, uint mode);

    /// <summary>glibc 2.29 and later (so older than closefrom); older ones throw <see cref="EntryPointNotFoundException"/>.</summary>
    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_addchdir_np(void* actions, byte* path);

    /// <summary>glibc 2.34 and later; older ones throw <see cref="EntryPointNotFoundException"/>.</summary>
    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_addclosefrom_np(void* actions, int lowFd);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_setsigmask(void* attributes, void* mask);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);

    [LibraryImport(Library)]
    public static partial int sigemptyset(void* set);
}
