using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tui.Core.Processes.Native;

namespace Tui.Core.Processes;

/// <summary>
/// Copies a pty master's output into an ordinary pipe, on one dedicated thread per pty.
/// <para>
/// Why: .NET has no readiness-based async I/O for a tty fd, so awaiting reads on the master directly would
/// park a thread-pool thread per pty child and starve the pool. A pipe read end (<see cref="Output"/>)
/// gets real epoll-based async reads, like the stdout of a piped child, so consumers treat both alike.
/// The thread waits in poll(2) on the master and an eventfd, so <see cref="Dispose"/> can stop it at once.
/// </para>
/// </summary>
internal sealed class PtyOutputPump : IDisposable
{
    /// <summary>One read of the master: a pty delivers at most a few KiB at a time.</summary>
    private const int ChunkSize = 16 * 1024;

    private readonly SafeFileHandle _master;
    private readonly SafeFileHandle _stop;
    private readonly AnonymousPipeClientStream _writer;
    private readonly Thread _thread;
    private int _disposed;

    public PtyOutputPump(SafeFileHandle master, int childPid)
    {
        _master = master;
        var stopFd = LibC.eventfd(0, LibC.O_CLOEXEC);
        if (stopFd < 0) throw new LaunchException($"eventfd failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        _stop = new SafeFileHandle(stopFd, ownsHandle: true);
        try
        {
            (Output, _writer) = CreatePipe();
        }
        catch
        {
            _stop.Dispose();
            throw;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = $"pty output {childPid}" };
        _thread.Start();
    }

    /// <summary>The child's terminal output; end of stream once every holder of the slave has closed it.</summary>
    public Stream Output { get; }

    /// <summary>Completes when the pump has copied everything and closed the pipe's write end.</summary>
    public Task Finished => _finished.Task;

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static unsafe (Stream Reader, AnonymousPipeClientStream Writer) CreatePipe()
    {
        var fds = stackalloc int[2];
        if (LibC.pipe2(fds, LibC.O_CLOEXEC) != 0)
        {
            throw new LaunchException($"pipe2 failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
        var reader = new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(fds[0], ownsHandle: true));
        var writer = new AnonymousPipeClientStream(PipeDirection.Out, new SafePipeHandle(fds[1], ownsHandle: true));
        return (reader, writer);
    }

    private unsafe void Run()
    {
        var buffer = new byte[ChunkSize];
        try
        {
            while (WaitForOutput())
            {
                nint n;
                fixed (byte* p = buffer) n = LibC.read(_master, p, (nuint)buffer.Length);
                if (n > 0)
                {
                    _writer.Write(buffer, 0, (int)n);
                    continue;
                }
                var errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
                if (errno is Errno.EINTR or Errno.EAGAIN) continue;
                break; // 0, or EIO: every holder of the slave has closed it
            }
        }
        catch (IOException)
        {
            // The reader closed its end (EPIPE): nobody wants the rest.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while copying.
        }
        finally
        {
            _writer.Dispose();
            _finished.TrySetResult();
        }
    }

    /// <summary>Blocks until the master has output (or hang-up), or the pump is stopped; false when stopped.</summary>
    private unsafe bool WaitForOutput()
    {
        var fds = stackalloc LibC.PollFd[2];
        bool addedMaster = false, addedStop = false;
        try
        {
            _master.DangerousAddRef(ref addedMaster);
            _stop.DangerousAddRef(ref addedStop);
            while (true)
            {
                fds[0] = new LibC.PollFd { Fd = (int)_master.DangerousGetHandle(), Events = LibC.POLLIN };
                fds[1] = new LibC.PollFd { Fd = (int)_stop.DangerousGetHandle(), Events = LibC.POLLIN };
                if (LibC.poll(fds, 2, -1) < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Errno.EINTR) continue;
                    return false;
                }
                if (fds[1].Revents != 0) return false;
                return fds[0].Revents != 0;
            }
        }
        finally
        {
            if (addedStop) _stop.DangerousRelease();
            if (addedMaster) _master.DangerousRelease();
        }
    }

    /// <summary>Stops the thread (unread output is dropped) and closes the read end.</summary>
    public unsafe void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Wake the thread if it waits in poll; close the read end so that a write blocked on a full pipe
        // fails with EPIPE (the runtime ignores SIGPIPE) instead of blocking the join.
        ulong one = 1;
        LibC.write(_stop, (byte*)&one, sizeof(ulong));
        Output.Dispose();
        _thread.Join();
        _stop.Dispose();
    }
}
