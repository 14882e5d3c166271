using CliWrap;
using System.Text.RegularExpressions;
using Tui.Terminal.Tests.Tmux;

namespace Tui.Terminal.Tests.Session;

/// <summary>
/// The demo program (tests/Tui.Terminal.Demo) in a real tmux: it must take over the screen, decode
/// keys and a resize, and give the terminal back (primary screen, visible cursor, earlier text)
/// when it quits, when it is sent SIGTERM, and across Ctrl-Z / SIGCONT.
/// </summary>
[Collection(TmuxCollection.Name)]
public sealed partial class TerminalSessionInTmuxTests : IDisposable
{
    private const string Before = "BEFORE-DEMO";
    private readonly TmuxServer _tmux = new();

    public void Dispose() => _tmux.Dispose();

    /// <summary>The demo's dll next to this test assembly's build (same configuration and framework), so no build runs inside the test.</summary>
    private static string DemoDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!; // bin/<configuration>/<framework> of the test project
        string dll = Path.Combine(tests.FullName, "Tui.Terminal.Demo", "bin", configuration, framework, "Tui.Terminal.Demo.dll");
        Assert.True(File.Exists(dll), $"the demo is not built at {dll}");
        return dll;
    }

    private int StartDemo()
    {
        // Earlier text, then the demo, then its exit status; the pane stays open so the screen can be read afterwards.
        _tmux.Start(100, 30, $"echo {Before}; dotnet '{DemoDll()}'; echo DEMO-EXIT=$?; exec sleep 600");
        string screen = _tmux.WaitForScreen(s => s.Contains("size 100x30"), "the demo's first frame");
        Assert.DoesNotContain(Before, screen);
        Assert.Equal("1", _tmux.Display("#{alternate_on}"));
        return int.Parse(PidPattern().Match(screen).Groups[1].Value);
    }

    private void AssertTerminalRestored(string exitLine)
    {
        string screen = _tmux.WaitForScreen(s => s.Contains(exitLine), exitLine);
        Assert.Contains(Before, screen);
        Assert.Equal("0", _tmux.Display("#{alternate_on}"));
        Assert.Equal("1", _tmux.Display("#{cursor_flag}"));
        Assert.Equal("0", _tmux.Display("#{mouse_any_flag}"));
        Assert.Equal("0", _tmux.Display("#{keypad_cursor_flag}"));
    }

    [TmuxFact]
    public void Demo_decodes_keys_and_a_resize_and_restores_the_terminal_when_quit_with_q()
    {
        StartDemo();
        _tmux.SendKeys("a", "Up", "C-Right", "F5", "M-x");
        _tmux.WaitForScreen(s => s.Contains("key a") && s.Contains("key Up") && s.Contains("key Ctrl+Right") && s.Contains("key F5") && s.Contains("key Alt+x"),
            "the decoded keys");

        _tmux.Resize(80, 20);
        string resized = _tmux.WaitForScreen(s => s.Contains("size 80x20"), "the resized frame");
        Assert.Contains("resize 80x20", resized);
        Assert.All(resized.Split('\n').Where(l => l.Length > 0), line => Assert.True(line.TrimEnd().Length <= 80, line));

        _tmux.SendKeys("q");
        AssertTerminalRestored("DEMO-EXIT=0");
    }

    [TmuxFact]
    public void Demo_restores_the_terminal_when_sent_SIGTERM()
    {
        int pid = StartDemo();
        Signal("-TERM", pid.ToString());
        AssertTerminalRestored("DEMO-EXIT=143");
    }

    [TmuxFact]
    public void Demo_restores_the_terminal_when_an_exception_escapes_it()
    {
        StartDemo();
        _tmux.SendKeys("!");
        AssertTerminalRestored("DEMO-EXIT=134"); // the runtime aborts on an unhandled exception (SIGABRT)
        Assert.Contains("crash requested", _tmux.Capture());
    }

    [TmuxFact]
    public void Ctrl_Z_suspends_to_the_shell_and_fg_takes_the_terminal_again_with_a_full_redraw()
    {
        // Job control needs an interactive shell: tmux itself continues a pane's own process when it stops.
        _tmux.Start(100, 30, "env PS1='tui-test$ ' bash --norc --noprofile -i");
        _tmux.WaitForScreen(s => s.Contains("tui-test$"), "the shell prompt");
        _tmux.SendKeys($"echo {Before}", "Enter");
        _tmux.SendKeys($"dotnet '{DemoDll()}'", "Enter");
        _tmux.WaitForScreen(s => s.Contains("size 100x30"), "the demo's first frame");

        _tmux.SendKeys("C-z");
        _tmux.WaitForDisplay("#{alternate_on}", "0");
        string suspended = _tmux.WaitForScreen(s => s.Contains("Stopped"), "the shell reporting the stopped job");
        Assert.Contains(Before, suspended);
        Assert.Equal("1", _tmux.Display("#{cursor_flag}"));

        _tmux.SendKeys("fg", "Enter");
        _tmux.WaitForDisplay("#{alternate_on}", "1");
        _tmux.WaitForScreen(s => s.Contains("size 100x30") && !s.Contains(Before), "the redrawn demo");
        _tmux.SendKeys("x");
        _tmux.WaitForScreen(s => s.Contains("key x"), "a key decoded after resuming (raw mode is back)");

        _tmux.SendKeys("q");
        _tmux.WaitForScreen(s => s.Contains("demo: left the full screen") && s.TrimEnd().EndsWith("tui-test$", StringComparison.Ordinal), "the prompt after the demo");
        _tmux.SendKeys("echo DEMO-EXIT=$?", "Enter");
        AssertTerminalRestored("DEMO-EXIT=0");
    }

    private static void Signal(params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = Cli.Wrap("kill").WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .ExecuteAsync(timeout.Token).GetAwaiter().GetResult();
        Assert.Equal(0, result.ExitCode);
    }

    [GeneratedRegex(@"pid (\d+)")]
    private static partial Regex PidPattern();
}
