using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using Tui.Terminal.Backend;
using Tui.Terminal.Demo;
using Tui.Terminal.Input;
using Tui.Terminal.Rendering;
using Tui.Terminal.Session;

// Takes over the terminal, shows its size and the keys it decoded, and quits on q (exit 0) or Ctrl-C (exit 130).
// Ctrl-Z suspends. SIGTERM/SIGINT/SIGHUP restore the terminal and exit 128+signal. '!' throws an exception
// nobody catches, to show that the terminal is restored even then.
TtyTerminal tty;
try
{
    tty = TtyTerminal.Open();
}
catch (TerminalUnavailableException e)
{
    Console.Error.WriteLine($"demo: {e.Message}");
    return 2;
}

var events = new BlockingCollection<InputEvent>();
using var session = new TerminalSession(tty, new TerminalOptions(), DefaultScheduler.Instance, ColorDepthDetector.FromEnvironment());
using var subscription = session.Input.Subscribe(events.Add, () => events.CompleteAdding());
var screen = new DemoScreen(Environment.ProcessId);
session.Enter();
session.Draw(screen.Render(session.NewFrame()));

int exitCode = 0;
foreach (var e in events.GetConsumingEnumerable())
{
    if (e is KeyEvent key && key.IsChar('q')) break;
    if (e is KeyEvent ctrlC && ctrlC.IsCtrl('c'))
    {
        exitCode = 130;
        break;
    }
    if (e is KeyEvent bang && bang.IsChar('!')) throw new InvalidOperationException("crash requested with '!'");
    if (e is KeyEvent ctrlZ && ctrlZ.IsCtrl('z'))
    {
        session.Suspend();
        continue;
    }
    screen.Record(e);
    session.Draw(screen.Render(session.NewFrame()));
}
session.Leave();
// Through the tty, not Console: .NET's Console would switch the keypad to application mode on first use.
tty.Write(System.Text.Encoding.UTF8.GetBytes($"demo: left the full screen, exit {exitCode}\r\n"));
return exitCode;
