using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tui.Core.Logs;
using Tui.Core.Processes.Native;

namespace Tui.Core.Processes;

/// <summary>
/// A child on pipes, started by <see cref="NativeSpawner"/>: the leader of its own session and process group
/// (pid == pgid == sid). .NET does not know it, so it is reaped here, by a blocking waitpid(2) on a pooled thread.
/// <para>
/// File descriptors: Tui's ends of the stdout and stderr pipes (and of the stdin pipe, when it is kept open for
/// <see cref="Input"/>) stay open until <see cref="Dispose"/>, since they may still hold unread output after the exit.
/// The child's ends are closed as soon as it has been spawned. Every fd is close-on-exec, so no other child inherits them.
/// </para>
/// </summary>
internal sealed class SpawnedChildProcess : IChildProcess
{
    private readonly TaskCompletionSource<ExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SafePipeHandle? _stdin;
    private int _disposed;

    private SpawnedChildProcess(int pid, DateTimeOffset startedAt, Stream stdout, Stream stderr, SafePipeHandle? stdin)
    {
        Pid = pid;
        StartedAt = startedAt;
        Stdout = stdout;
        Stderr = stderr;
        _stdin = stdin;
        if (stdin is not null) Input = new ChildInput(stdin, terminal: false);
    }

    public int Pid { get; }
    public DateTimeOffset StartedAt { get; }
    public Stream Stdout { get; }
    public Stream? Stderr { get; }
    public ChildInput? Input { get; }
    public Task<ExitStatus> Exited => _exited.Task;

    /// <summary>Spawns <paramref name="path"/> (the resolved <c>spec.Argv[0]</c>) on fresh pipes.</summary>
    /// <exception cref="LaunchException">The pipes or the spawn failed; nothing is left open or running.</exception>
    public static SpawnedChildProcess Start(string path, LaunchSpec spec, DateTimeOffset startedAt)
    {
        var fds = new List<int>(6);
        try
        {
            var (stdoutRead, stdoutWrite) = Pipe(fds);
            var (stderrRead, stderrWrite) = Pipe(fds);
            var (stdinRead, stdinWrite) = spec.KeepStdinOpen ? Pipe(fds) : (-1, -1);

            var pid = NativeSpawner.Spawn(path, spec.Argv, spec.Environment, spec.Cwd, stdinRead, stdoutWrite, stderrWrite);
            // The child has its copies; Tui's copies of the child's ends would keep its output from ever ending.
            foreach (var childEnd in (int[])[stdoutWrite, stderrWrite, stdinRead]) CloseOwned(fds, childEnd);

            SpawnedChildProcess? child = null;
            try
            {
                child = new SpawnedChildProcess(pid, startedAt,
                    ReadStream(fds, stdoutRead), ReadStream(fds, stderrRead),
                    stdinWrite >= 0 ? Own(fds, stdinWrite) : null);
                child.WatchExit();
                return child;
            }
            catch
            {
                ProcessGroup.Signal(pid, Signals.SIGKILL); // started but unusable: it must not run unsupervised
                if (child is null) ReapInBackground(pid);
                child?.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (var fd in fds) LibC.close(fd); // whatever was not handed to a stream
        }
    }

    public void SignalGroup(int signal) => ProcessGroup.Signal(Pid, signal);

    /// <summary>
    /// Closes Tui's ends of the pipes. A group that is still alive is SIGKILLed first: a child must not outlive its
    /// handle (stop it gracefully with <see cref="SignalGroup"/> before disposing). The leader is still reaped, and
    /// <see cref="Exited"/> still completes, after Dispose.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // The group id cannot be taken by a new process while the group has members, so this reaches only what is
        // left of this child's group (or nothing, ESRCH).
        ProcessGroup.Signal(Pid, Signals.SIGKILL);
        Stdout.Dispose();
        Stderr?.Dispose();
        _stdin?.Dispose();
    }

    private void WatchExit() => ReaderThreads.Shared.Run(() => _exited.TrySetResult(WaitForExit(Pid)), $"wait {Pid}");

    /// <summary>For a child whose handle could not be built: reaped all the same, so it leaves no zombie.</summary>
    private static void ReapInBackground(int pid) => ReaderThreads.Shared.Run(() => WaitForExit(pid), $"wait {pid}");

    private static unsafe ExitStatus WaitForExit(int pid)
    {
        while (true)
        {
            int status;
            if (LibC.waitpid(pid, &status, 0) == pid) return ExitCodes.FromWaitStatus(status);
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EINTR) continue;
            // ECHILD: someone else reaped it (a host that ignores SIGCHLD makes the kernel do so); the child is gone,
            // and how it ended is lost.
            return new ExitStatus(null, null);
        }
    }

    private static unsafe (int Read, int Write) Pipe(List<int> fds)
    {
        var ends = stackalloc int[2];
        if (LibC.pipe2(ends, LibC.O_CLOEXEC) != 0) throw new LaunchException($"cannot create a pipe: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        fds.Add(ends[0]);
        fds.Add(ends[1]);
        return (AboveStandardStreams(fds, ends[0]), AboveStandardStreams(fds, ends[1]));
    }

    /// <summary>
    /// A pipe end that landed on 0, 1 or 2 (Tui itself was started with one closed) is moved above them: dup2 onto the
    /// child's standard streams would otherwise overwrite it before it is used, or leave it close-on-exec.
    /// </summary>
    private static int AboveStandardStreams(List<int> fds, int fd)
    {
        if (fd > 2) return fd;
        var moved = LibC.fcntl(fd, LibC.F_DUPFD_CLOEXEC, 3);
        if (moved < 0) throw new LaunchException($"cannot move a pipe: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        fds.Add(moved);
        CloseOwned(fds, fd);
        return moved;
    }

    private static void CloseOwned(List<int> fds, int fd)
    {
        if (fd < 0 || !fds.Remove(fd)) return;
        LibC.close(fd);
    }

    private static SafePipeHandle Own(List<int> fds, int fd)
    {
        fds.Remove(fd);
        return new SafePipeHandle(fd, ownsHandle: true);
    }

    private static Stream ReadStream(List<int> fds, int fd) => new AnonymousPipeClientStream(PipeDirection.In, Own(fds, fd));
}
