using System.Buffers.Binary;
using System.Net.Sockets;
using Tui.Core.Processes;
using Tui.Core.Protocol.Native;

namespace Tui.Core.Protocol;

/// <summary>Who is at the other end of a Unix socket, as the kernel says (SO_PEERCRED, SCM_CREDENTIALS).</summary>
public readonly record struct PeerCredentials(int Pid, uint Uid, uint Gid)
{
    /// <summary>Tui's own effective uid: only a peer with the same one may talk to it.</summary>
    public static uint OwnUid { get; } = UnixCalls.geteuid();

    /// <summary>The credentials of a connected stream socket's peer, as they were when it connected.</summary>
    public static PeerCredentials Of(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[12];
        socket.GetRawSocketOption(UnixCalls.SOL_SOCKET, UnixCalls.SO_PEERCRED, ucred);
        return new PeerCredentials(
            BinaryPrimitives.ReadInt32LittleEndian(ucred),
            BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(ucred[8..]));
    }

    /// <summary>
    /// Why this peer may not speak for the child whose process group is <paramref name="childGroup"/>, or null when it may.
    /// The uid must be Tui's. The pid must be in the child's group; a sender already gone (sd_notify tools that exit at
    /// once) cannot be checked and is let through, since only Tui's own user can reach the private directory anyway.
    /// </summary>
    public string? Refusal(int? childGroup, Func<int, int?> groupOf)
    {
        if (Uid != OwnUid) return $"peer uid {Uid} is not Tui's uid {OwnUid}";
        if (childGroup is not { } group) return "no run of the process is being watched";
        var peerGroup = groupOf(Pid);
        if (peerGroup is { } actual && actual != group) return $"peer pid {Pid} is in process group {actual}, not the child's {group}";
        return null;
    }

    /// <summary>The process group of a live pid, from /proc; null when it is gone.</summary>
    public static int? GroupOf(int pid) => ProcStat.Read(pid) is { IsDead: false } stat ? stat.ProcessGroup : null;
}
