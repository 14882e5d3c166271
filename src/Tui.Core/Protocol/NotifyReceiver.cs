using System.Net.Sockets;
using System.Runtime.InteropServices;
using Tui.Core.Protocol.Native;

namespace Tui.Core.Protocol;

/// <summary>
/// The sd_notify datagram socket of one process (NOTIFY_SOCKET). Every datagram carries its sender's credentials
/// (SO_PASSCRED), checked like a stream peer's; file descriptors a sender attaches (BARRIER=1 passes one, and waits
/// until it is closed) are closed once the datagram is handled. Waiting is done by .NET's socket engine (a zero-byte peek), reading by
/// recvmsg(2), which .NET does not offer with credentials.
/// </summary>
internal sealed class NotifyReceiver(string path, ChildChannel channel) : IDisposable
{
    /// <summary>Room for the credentials and a few passed descriptors; more descriptors than fit are closed by the kernel.</summary>
    private const int ControlBytes = 256;

    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stopped = new();

    public void Start()
    {
        SocketFiles.Bind(_socket, path);
        _socket.SetRawSocketOption(UnixCalls.SOL_SOCKET, UnixCalls.SO_PASSCRED, BitConverter.GetBytes(1));
        _ = ReceiveLoop();
    }

    public void Dispose()
    {
        _stopped.Cancel();
        _socket.Dispose();
        SocketFiles.Remove(path);
    }

    private async Task ReceiveLoop()
    {
        // One byte more than the limit: a datagram that fills it was too long.
        var buffer = new byte[ProtocolLimits.MaxDatagramBytes + 1];
        var control = new byte[ControlBytes];
        while (!_stopped.IsCancellationRequested)
        {
            try
            {
                await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.Peek, _stopped.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopped.IsCancellationRequested) return;
                continue;
            }
            var passed = new List<int>();
            while (TryReceive(buffer, control, passed, out var length, out var truncated, out var sender))
            {
                try
                {
                    Handle(buffer.AsSpan(0, length), truncated, sender);
                }
                finally
                {
                    // Closed only now: a sender waiting on its BARRIER=1 descriptor is still alive while it is checked.
                    foreach (var fd in passed) UnixCalls.close(fd);
                    passed.Clear();
                }
            }
        }
    }

    /// <summary>Reads one waiting datagram without blocking; false when none is left (or the socket is closed).</summary>
    private unsafe bool TryReceive(byte[] buffer, byte[] control, List<int> passed, out int length, out bool truncated, out PeerCredentials? sender)
    {
        length = 0;
        truncated = false;
        sender = null;
        var added = false;
        var handle = _socket.SafeHandle;
        try
        {
            handle.DangerousAddRef(ref added);
            var fd = (int)handle.DangerousGetHandle();
            fixed (byte* data = buffer)
            fixed (byte* controlData = control)
            {
                var iov = new UnixCalls.IoVec { Base = data, Length = (nuint)buffer.Length };
                var message = new UnixCalls.MsgHdr { Iov = &iov, IovLength = 1, Control = controlData, ControlLength = (nuint)control.Length };
                nint received;
                do
                {
                    received = UnixCalls.recvmsg(fd, &message, UnixCalls.MSG_DONTWAIT | UnixCalls.MSG_CMSG_CLOEXEC | UnixCalls.MSG_TRUNC);
                } while (received < 0 && Marshal.GetLastPInvokeError() == UnixCalls.EINTR);
                if (received < 0) return false;
                length = (int)Math.Min(received, buffer.Length);
                truncated = received > ProtocolLimits.MaxDatagramBytes || (message.Flags & UnixCalls.MSG_TRUNC) != 0;
                sender = ReadControl(controlData, message.ControlLength, passed);
                return true;
            }
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    /// <summary>Takes the sender's credentials out of the control data, and every descriptor passed with the datagram (to be closed).</summary>
    private static unsafe PeerCredentials? ReadControl(byte* control, nuint length, List<int> passed)
    {
        PeerCredentials? sender = null;
        var headerSize = UnixCalls.Align((nuint)sizeof(UnixCalls.CmsgHdr));
        nuint offset = 0;
        while (offset + (nuint)sizeof(UnixCalls.CmsgHdr) <= length)
        {
            var header = (UnixCalls.CmsgHdr*)(control + offset);
            if (header->Length < headerSize || offset + header->Length > length) break;
            var data = control + offset + headerSize;
            var dataLength = header->Length - headerSize;
            if (header->Level == UnixCalls.SOL_SOCKET && header->Type == UnixCalls.SCM_CREDENTIALS && dataLength >= (nuint)sizeof(UnixCalls.UCred))
            {
                var credentials = (UnixCalls.UCred*)data;
                sender = new PeerCredentials(credentials->Pid, credentials->Uid, credentials->Gid);
            }
            else if (header->Level == UnixCalls.SOL_SOCKET && header->Type == UnixCalls.SCM_RIGHTS)
            {
                for (nuint i = 0; i + sizeof(int) <= dataLength; i += sizeof(int)) passed.Add(*(int*)(data + i));
            }
            offset += UnixCalls.Align(header->Length);
        }
        return sender;
    }

    private void Handle(ReadOnlySpan<byte> datagram, bool truncated, PeerCredentials? sender)
    {
        if (sender is not { } peer)
        {
            channel.Drop(DropReason.Refused, "an sd_notify datagram without credentials");
            return;
        }
        var (group, _) = channel.CurrentRun();
        int? senderGroup = null;
        if (group is null)
        {
            // No run yet (a daemon speaks before Tui has finished starting it): held for the next run, by the sender's group.
            if (peer.Uid != PeerCredentials.OwnUid)
            {
                channel.Drop(DropReason.Refused, $"peer uid {peer.Uid} is not Tui's uid {PeerCredentials.OwnUid}");
                return;
            }
            senderGroup = PeerCredentials.GroupOf(peer.Pid);
        }
        else if (peer.Refusal(group, PeerCredentials.GroupOf) is { } refusal)
        {
            channel.Drop(DropReason.Refused, refusal);
            return;
        }
        if (truncated)
        {
            channel.Drop(DropReason.Oversized, $"an sd_notify datagram longer than {ProtocolLimits.MaxDatagramBytes} bytes");
            return;
        }
        if (!channel.TakeToken()) return;
        if (NotifyParser.Parse(datagram) is not { } messages)
        {
            channel.Drop(DropReason.Malformed, "an sd_notify datagram with no VARIABLE=VALUE in it");
            return;
        }
        foreach (var message in messages)
        {
            if (group is null) channel.Hold(message, senderGroup);
            else channel.Deliver(message);
        }
    }
}
