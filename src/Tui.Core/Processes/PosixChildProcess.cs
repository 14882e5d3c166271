using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tui.Core.Processes;

/// <summary>
/// A child started by <see cref="PosixProcessLauncher"/>: the leader of its own session and process group
/// (pid == pgid == sid), reaped by .NET's own SIGCHLD handling.
/// <para>
/// File descriptors: with pipes, <see cref="Stdout"/> and <see cref="Stderr"/> (and the stdin pipe, when it is kept
/// open for <see cref="Input"/>) stay open until <see cref="Dispose"/> (they may still hold unread output after the
/// exit). With a pty, Tui's copy of the slave is closed when the child exits and the master once its last output has
/// been copied, so nothing stays open after the child and its descendants are gone.
/// </para>
/// </summary>
public sealed class PosixChildProcess : IChildProcess
{
    private readonly Process _process;
    private readonly PseudoTerminal? _pty;
    private readonly PtyOutputPump? _pump;
    private readonly TaskCompletionSource<ExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private PosixChildProcess(Process process, PseudoTerminal? pty, bool keepStdinOpen)
    {
        _process = process;
        _pty = pty;
        // Subscribed before Start, so an exit that comes first is not missed.
        _process.EnableRaisingEvents = true;
        _process.Exited += OnExited;
        _process.Start();

        Pid = _process.Id;
        try
        {
            // stdin: an empty pipe, closed at once unless input was asked for. A program that reads stdin gets end of
            // input instead of waiting forever or competing with Tui for the keyboard. (Under a pty, stdin is the terminal.)
            if (_pty is null && keepStdinOpen) Input = new ChildInput(StdinHandle(_process), terminal: false);
            else _process.StandardInput.Close();
            if (_pty is null)
            {
                Stdout = _process.StandardOutput.BaseStream;
                Stderr = _process.StandardError.BaseStream;
            }
            else
            {
                // The wrapper shell replaced these pipes with the slave before exec; they carry nothing.
                _process.StandardOutput.Dispose();
                _process.StandardError.Dispose();
                // Before the pump starts: once it has copied the last output it closes the master.
                Input = new ChildInput(_pty.Master, terminal: true);
                _pump = new PtyOutputPump(_pty.Master, Pid);
                _ = _pump.Finished.ContinueWith(_ => _pty.Master.Dispose(), TaskScheduler.Default);
                Stdout = _pump.Output;
            }
        }
        catch
        {
            ProcessGroup.Signal(Pid, Signals.SIGKILL); // started but unusable: it must not run unsupervised
            throw;
        }
    }

    public int Pid { get; }
    public DateTimeOffset StartedAt { get; private init; }
    public Stream Stdout { get; }
    public Stream? Stderr { get; }
    public Task<ExitStatus> Exited => _exited.Task;

    /// <summary>The stdin pipe when it was kept open, or the pty master; null otherwise.</summary>
    public ChildInput? Input { get; }

    /// <summary>True when the child runs on a pseudo-terminal.</summary>
    public bool HasTerminal => _pty is not null;

    /// <summary>Starts <paramref name="startInfo"/> (all three standard streams redirected) as a child.</summary>
    internal static PosixChildProcess Start(ProcessStartInfo startInfo, PseudoTerminal? pty, bool keepStdinOpen, DateTimeOffset startedAt)
    {
        var process = new Process { StartInfo = startInfo };
        try
        {
            return new PosixChildProcess(process, pty, keepStdinOpen) { StartedAt = startedAt };
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void SignalGroup(int signal)
    {
        if (ProcessGroup.Signal(Pid, signal) || _exited.Task.IsCompleted) return;
        // Just started: setsid has not made the child a group leader yet, so there is no group to signal. Until it
        // has, the child is alone (setsid execs the command only after setsid(2)), so signalling it reaches everything.
        Native.LibC.kill(Pid, signal);
    }

    /// <summary>
    /// Changes the pty's window size (the child gets SIGWINCH). Nothing happens without a pty or once the
    /// terminal is closed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size of 0 or above 65535 in either direction.</exception>
    public void Resize(TerminalSize size)
    {
        if (!PseudoTerminal.IsValid(size)) throw new ArgumentOutOfRangeException(nameof(size), size, "1..65535 columns and rows");
        if (_pty is null || Volatile.Read(ref _disposed) != 0) return;
        _pty.TryResize(size);
    }

    /// <summary>Tui's end of the child's stdin pipe (.NET makes it an anonymous pipe stream).</summary>
    private static SafeHandle StdinHandle(Process process) =>
        process.StandardInput.BaseStream is System.IO.Pipes.PipeStream pipe
            ? pipe.SafePipeHandle
            : throw new IOException($"the child's stdin is a {process.StandardInput.BaseStream.GetType().Name}, not a pipe");

    private void OnExited(object? sender, EventArgs e)
    {
        var status = ExitCodes.FromDotNetExitCode(_process.ExitCode);
        // The child is gone: drop Tui's hold on the slave so the master reports end of output
        // as soon as the child's descendants (if any) let go too.
        _pty?.ReleaseSlave();
        _exited.TrySetResult(status);
    }

    /// <summary>
    /// Closes Tui's ends of the pipes or pty. A group that is still alive is SIGKILLed first: a child must not
    /// outlive its handle (stop it gracefully with <see cref="SignalGroup"/> before disposing). The leader is
    /// still reaped, and <see cref="Exited"/> still completes, after Dispose.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // The group id cannot be taken by a new process while the group has members, so this reaches
        // only what is left of this child's group (or nothing, ESRCH).
        ProcessGroup.Signal(Pid, Signals.SIGKILL);
        _pump?.Dispose();
        _pty?.Dispose();
        Stdout.Dispose();
        Stderr?.Dispose();
        if (Input is { IsTerminal: false }) _process.StandardInput.Dispose();
        // The Process object goes once the exit has been observed, so the exit status is still delivered.
        _ = _exited.Task.ContinueWith(_ =>
        {
            _process.Exited -= OnExited;
            _process.Dispose();
        }, TaskScheduler.Default);
    }
}
