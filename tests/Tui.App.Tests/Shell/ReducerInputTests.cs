using Tui.App.Keys;
using Tui.App.Shell;
using Tui.Core.Supervision;
using static Tui.App.Tests.Fakes.TestProcesses;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Shell;

/// <summary>Input mode through the reducer: entering, a pipe's line editor, a pty's raw keys, leaving, refusals.</summary>
public class ReducerInputTests
{
    /// <summary>db takes no input, repl has stdin = true, shell has tty = true.</summary>
    private static AppState Inputs() => Of(120, 40, null,
        Snapshot("db"),
        Snapshot("repl") with { Config = Snapshot("repl").Config with { Stdin = true } },
        Snapshot("shell") with { Config = Snapshot("shell").Config with { Tty = true } });

    private static (AppState State, Effect? Effect) Leave(AppState state) =>
        Reducer.Update(state, new Msg.Key(Reducer.LeaveInput));

    [Fact]
    public void i_on_a_pipe_process_opens_its_line_editor_and_the_log_follows_it()
    {
        var scrolled = Inputs().SelectProcess("repl").WithLines("repl", 100) with { Log = LogPaneState.Initial with { Follow = false, Offset = 30, Merged = true } };

        var (s, effect) = scrolled.Press('i');

        Assert.Null(effect);
        Assert.Equal(new Overlay.Input("repl", Raw: false, Line: ""), s.Overlay);
        Assert.True(s.Log.Follow);
        Assert.Equal(0, s.Log.Offset);
        Assert.False(s.Log.Merged);
    }

    [Fact]
    public void Typed_keys_edit_the_line_and_enter_sends_it_with_a_newline()
    {
        var s = Inputs().SelectProcess("repl").Press('i').State.Keys("print(6*8");
        s = s.Press(KeyCode.Backspace).State.Keys("7)");

        Assert.Equal("print(6*7)", ((Overlay.Input)s.Overlay!).Line);
        var (sent, effect) = s.Press(KeyCode.Enter);

        Assert.Equal(new Effect.SendInput("repl", "print(6*7)\n"), effect);
        Assert.Equal(new Overlay.Input("repl", false, ""), sent.Overlay);
    }

    [Fact]
    public void Keys_bound_to_actions_are_text_in_input_mode_and_ctrl_u_clears()
    {
        // q would quit and x would stop outside input mode.
        var s = Inputs().SelectProcess("repl").Press('i').State.Keys("qx");
        Assert.Equal("qx", ((Overlay.Input)s.Overlay!).Line);
        Assert.Equal("", ((Overlay.Input)Reducer.Update(s, new Msg.Key(KeyChord.Of('u', KeyModifiers.Ctrl))).State.Overlay!).Line);
        Assert.False(s.Quitting);
    }

    [Fact]
    public void Ctrl_close_bracket_leaves_and_the_key_map_applies_again()
    {
        var s = Inputs().SelectProcess("repl").Press('i').State.Keys("half");

        var (left, effect) = Leave(s);

        Assert.Null(effect);
        Assert.Null(left.Overlay);
        Assert.Equal(Effect.Stop("repl"), left.Press('x').Effect);
    }

    [Fact]
    public void On_a_pty_each_key_goes_at_once_as_terminal_bytes()
    {
        var s = Inputs().SelectProcess("shell").Press('i').State;
        Assert.Equal(new Overlay.Input("shell", Raw: true, Line: ""), s.Overlay);

        Assert.Equal(new Effect.SendInput("shell", "l"), s.Press('l').Effect);
        Assert.Equal(new Effect.SendInput("shell", "\r"), s.Press(KeyCode.Enter).Effect);
        Assert.Equal(new Effect.SendInput("shell", "\x7f"), s.Press(KeyCode.Backspace).Effect);
        Assert.Equal(new Effect.SendInput("shell", "\x1b[A"), s.Press(KeyCode.Up).Effect);
        Assert.Equal(new Effect.SendInput("shell", "\x03"), Reducer.Update(s, new Msg.Key(KeyChord.Of('c', KeyModifiers.Ctrl))).Effect);
        Assert.Same(s, s.Press('l').State);
    }

    [Fact]
    public void i_on_a_process_without_stdin_warns_and_stays_out_of_input_mode()
    {
        var (s, effect) = Inputs().SelectProcess("db").Press('i');

        Assert.Null(effect);
        Assert.Null(s.Overlay);
        var warning = Assert.Single(s.Notifications);
        Assert.Equal(NotificationLevel.Warning, warning.Level);
        Assert.Equal("db has no stdin: set stdin = true or tty = true", warning.Text);
    }

    [Fact]
    public void A_refused_send_shows_the_engines_reason()
    {
        var s = Inputs().SelectProcess("repl").Press('i').State;

        s = s.Send(new Msg.InputSent("repl", CommandResult.Fail("repl is stopped; input goes to a running process")));

        Assert.Equal("repl is stopped; input goes to a running process", Assert.Single(s.Notifications).Text);
        Assert.IsType<Overlay.Input>(s.Overlay);
    }

    [Fact]
    public void The_input_action_can_be_rebound()
    {
        var keys = KeyMap.Create(new Dictionary<string, string> { ["input"] = "I" });
        var s = Of(120, 40, keys, Snapshot("repl") with { Config = Snapshot("repl").Config with { Stdin = true } });

        Assert.IsType<Overlay.Input>(s.Press('I').State.Overlay);
        Assert.Null(s.Press('i').State.Overlay);
    }

    [Fact]
    public void A_paste_on_a_pipe_sends_its_complete_lines_and_keeps_the_rest_in_the_editor()
    {
        var s = Inputs().SelectProcess("repl").Press('i').State.Keys("x = ");

        var (pasted, effect) = Reducer.Update(s, new Msg.Paste("1\r\nprint(x)\nprint("));

        Assert.Equal(new Effect.SendInput("repl", "x = 1\nprint(x)\n"), effect);
        Assert.Equal("print(", ((Overlay.Input)pasted.Overlay!).Line);
    }

    [Fact]
    public void A_paste_on_a_pty_goes_whole_with_terminal_line_ends_and_means_nothing_outside_input_mode()
    {
        var s = Inputs().SelectProcess("shell");

        Assert.Equal(new Effect.SendInput("shell", "ls\rpwd\r"), Reducer.Update(s.Press('i').State, new Msg.Paste("ls\npwd\n")).Effect);
        Assert.Same(s, Reducer.Update(s, new Msg.Paste("ls\n")).State);
    }
}
