using System.Runtime.InteropServices;

namespace Tui.Core.Protocol.Native;

/// <summary>
/// The calls .NET does not wrap: receiving a datagram with its sender's credentials (SCM_CREDENTIALS), the effective
/// uid to compare peers with, and the owner of a directory (statx). Struct layouts are those of Linux on x86_64 and arm64 (LP64), which agree.
/// </summary>
internal static unsafe partial class UnixCalls
{
    private const string Library = "libc";

    public const int SOL_SOCKET = 1;
    public const int SCM_RIGHTS = 1, SCM_CREDENTIALS = 2;
    public const int SO_PASSCRED = 16, SO_PEERCRED = 17;
    public const int MSG_CTRUNC = 0x8, MSG_TRUNC = 0x20, MSG_DONTWAIT = 0x40, MSG_CMSG_CLOEXEC = 0x40000000;
    public const int EAGAIN = 11, EINTR = 4;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CmsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct UCred
    {
        public int Pid;
        public uint Uid;
        public uint Gid;
    }

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint recvmsg(int fd, MsgHdr* message, int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Library)]
    public static partial uint geteuid();

    public const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100;
    public const uint STATX_UID = 0x8;

    /// <summary>struct statx is the same on every architecture: 256 bytes, stx_uid at offset 20.</summary>
    public const int StatxBytes = 256, StatxUidOffset = 20;

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    /// <summary>The owner of <paramref name="path"/> (not following a final symlink); null when it cannot be read.</summary>
    public static uint? OwnerOf(string path)
    {
        var buffer = stackalloc byte[StatxBytes];
        if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_UID, buffer) != 0) return null;
        return *(uint*)(buffer + StatxUidOffset);
    }

    /// <summary>CMSG_ALIGN: control message parts are aligned to the size of a long.</summary>
    public static nuint Align(nuint length) => (length + (nuint)sizeof(nuint) - 1) & ~((nuint)sizeof(nuint) - 1);
}
