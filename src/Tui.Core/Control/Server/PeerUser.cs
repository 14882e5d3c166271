using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Tui.Core.Control.Server;

/// <summary>
/// The user at the other end of a Unix stream socket, from the kernel (SO_PEERCRED): it cannot be forged by the client,
/// unlike anything it could write on the socket.
/// </summary>
public static partial class PeerUser
{
    private const int SOL_SOCKET = 1, SO_PEERCRED = 17;

    /// <summary>struct ucred: pid, uid, gid, each 32 bits.</summary>
    private const int UcredBytes = 12;

    /// <summary>This process's effective uid: the only user a control socket answers.</summary>
    public static uint Own { get; } = geteuid();

    /// <summary>The peer's pid and uid as they were when it connected.</summary>
    public static (int Pid, uint Uid) Of(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[UcredBytes];
        socket.GetRawSocketOption(SOL_SOCKET, SO_PEERCRED, ucred);
        return (BinaryPrimitives.ReadInt32LittleEndian(ucred), BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]));
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
