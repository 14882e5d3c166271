using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Runtime.InteropServices;
using System.Text;
using Tui.Terminal.Backend;
using Tui.Terminal.Drawing;
using Tui.Terminal.Input;
using Tui.Terminal.Rendering;

namespace Tui.Terminal.Session;

/// <summary>
/// A full-screen session on a terminal: raw mode, alternate screen, hidden cursor, mouse and paste
/// reporting on <see cref="Enter"/>, and a restore that always runs: <see cref="Dispose"/>, process
/// exit, an unhandled exception, SIGINT/SIGTERM/SIGHUP/SIGQUIT. Ctrl-Z (<see cref="Suspend"/>, or
/// SIGTSTP) restores the terminal and stops the process group; SIGCONT re-enters and repaints.
/// SIGWINCH becomes a <see cref="ResizeEvent"/> and a full repaint. Frames go through <see cref="Draw"/>,
/// which serialises them with mode changes so a signal never lands in the middle of a frame.
/// </summary>
public sealed class TerminalSession : IDisposable
{
    private readonly ITerminalBackend _terminal;
    private readonly TerminalOptions _options;
    private readonly Action _stopProcess;
    private readonly ISubject<InputEvent> _input = Subject.Synchronize(new Subject<InputEvent>());
    private readonly InputReader _reader;
    private readonly object _gate = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private bool _active, _suspended, _hooksInstalled, _disposed;

    public TerminalSession(ITerminalBackend terminal, TerminalOptions options, IScheduler scheduler, ColorDepth colorDepth)
        : this(terminal, options, scheduler, colorDepth, TtyTerminal.StopProcessGroup) { }

    /// <param name="stopProcess">What suspending does once the terminal is restored; the real one stops the process group and returns on SIGCONT.</param>
    internal TerminalSession(ITerminalBackend terminal, TerminalOptions options, IScheduler scheduler, ColorDepth colorDepth, Action stopProcess)
    {
        _terminal = terminal;
        _options = options;
        _stopProcess = stopProcess;
        Renderer = new Renderer(terminal, colorDepth);
        Size = terminal.Size;
        _reader = new InputReader(terminal, scheduler, _input.OnNext);
        _reader.Ended += () => _input.OnCompleted();
    }

    /// <summary>Keys, mouse, paste, focus and resize events; completes when the terminal's input ends.</summary>
    public IObservable<InputEvent> Input => _input;

    public Renderer Renderer { get; }

    /// <summary>The size frames should have (updated on SIGWINCH).</summary>
    public TerminalSize Size { get; private set; }

    public bool IsActive
    {
        get { lock (_gate) return _active; }
    }

    /// <summary>A blank buffer the size of the screen, to draw the next frame into.</summary>
    public CellBuffer NewFrame() => new(Size.Width, Size.Height);

    /// <summary>Takes over the terminal and starts reading input.</summary>
    public void Enter()
    {
        lock (_gate)
        {
            if (_disposed) throw new ObjectDisposedException(nameof(TerminalSession));
            InstallHooks();
            EnterModes();
        }
        _reader.Start();
    }

    /// <summary>Draws a frame (only the difference); nothing while suspended or after leaving. Returns the bytes written.</summary>
    public int Draw(CellBuffer frame)
    {
        lock (_gate)
        {
            return _active ? Renderer.Render(frame) : 0;
        }
    }

    /// <summary>Gives the terminal back as it was. Safe to call any number of times, from any thread.</summary>
    public void Leave()
    {
        lock (_gate) LeaveModes();
    }

    /// <summary>Ctrl-Z: restores the terminal, stops the process group, and re-enters when continued.</summary>
    public void Suspend()
    {
        lock (_gate)
        {
            if (!_active) return;
            LeaveModes();
            _suspended = true;
        }
        _stopProcess(); // returns once the shell continues us (SIGCONT)
        Resume();
    }

    /// <summary>After SIGCONT: raw mode and the alternate screen again, and a full repaint at the current size.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            if (!_suspended) return;
            _suspended = false;
            EnterModes();
        }
        HandleResize();
    }

    /// <summary>The window changed size: the next frame is a full repaint at the new size.</summary>
    public void HandleResize()
    {
        TerminalSize size;
        lock (_gate)
        {
            Size = size = _terminal.Size;
            Renderer.Invalidate();
        }
        _input.OnNext(new ResizeEvent(size.Width, size.Height));
    }

    private void EnterModes()
    {
        if (_active) return;
        _terminal.SetRawMode(true);
        var enter = new StringBuilder();
        enter.Append(TerminalSequences.EnterAlternateScreen).Append(TerminalSequences.HideCursor);
        if (_options.BracketedPaste) enter.Append(TerminalSequences.EnableBracketedPaste);
        if (_options.FocusEvents) enter.Append(TerminalSequences.EnableFocusEvents);
        if (_options.Mouse) enter.Append(TerminalSequences.EnableMouse);
        _terminal.Write(Encoding.ASCII.GetBytes(enter.ToString()));
        Renderer.Invalidate();
        _active = true;
        _reader.Paused = false;
    }

    private void LeaveModes()
    {
        if (!_active) return;
        _active = false;
        _reader.Paused = true;
        var leave = new StringBuilder();
        // End a frame that may have been cut short, then undo every mode in reverse order.
        leave.Append(TerminalSequences.EndSynchronizedUpdate).Append(TerminalSequences.ResetStyle).Append(TerminalSequences.ResetScrollRegion);
        if (_options.Mouse) leave.Append(TerminalSequences.DisableMouse);
        if (_options.FocusEvents) leave.Append(TerminalSequences.DisableFocusEvents);
        if (_options.BracketedPaste) leave.Append(TerminalSequences.DisableBracketedPaste);
        leave.Append(TerminalSequences.NormalKeypad).Append(TerminalSequences.ShowCursor).Append(TerminalSequences.LeaveAlternateScreen);
        try
        {
            _terminal.Write(Encoding.ASCII.GetBytes(leave.ToString()));
        }
        catch (IOException)
        {
            // The terminal is gone (SIGHUP): nothing left to restore on screen, but the mode below still matters for a shared tty.
        }
        _terminal.SetRawMode(false);
    }

    private void InstallHooks()
    {
        if (_hooksInstalled) return;
        _hooksInstalled = true;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        if (!_options.HandleSignals || OperatingSystem.IsWindows()) return;
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => HandleResize()));
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTSTP, context =>
        {
            context.Cancel = true; // we stop ourselves, after restoring the terminal
            Suspend();
        }));
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, context =>
        {
            // The runtime's own SIGCONT handling re-applies the terminal mode it knows, which would undo raw mode.
            context.Cancel = true;
            Resume();
        }));
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            _signals.Add(PosixSignalRegistration.Create(signal, OnTerminationSignal));
    }

    private void OnTerminationSignal(PosixSignalContext context)
    {
        Leave();
        context.Cancel = true;
        if (_options.OnTerminationSignal?.Invoke(context.Signal) == true) return;
        Environment.Exit(128 + SignalNumber(context.Signal));
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => 0,
    };

    private void OnProcessExit(object? sender, EventArgs e) => Leave();

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Leave();

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            LeaveModes();
        }
        _reader.Dispose();
        foreach (var registration in _signals) registration.Dispose();
        _signals.Clear();
        if (_hooksInstalled)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        }
    }
}
