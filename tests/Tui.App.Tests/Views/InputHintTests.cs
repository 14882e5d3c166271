using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Views;
using Tui.Terminal.Drawing;
using static Tui.App.Tests.Fakes.TestProcesses;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Views;

/// <summary>The hint bar in and around input mode: whose input the keys go to, how to leave, the line being typed.</summary>
public class InputHintTests
{
    private static AppState Inputs() => Of(100, 30, null,
        Snapshot("db"),
        Snapshot("repl") with { Config = Snapshot("repl").Config with { Stdin = true } },
        Snapshot("shell") with { Config = Snapshot("shell").Config with { Tty = true } });

    private static string HintBar(AppState state)
    {
        var buffer = new CellBuffer(state.Width, 1);
        HintBarView.Render(state, buffer.Area, buffer);
        return buffer.ToLines()[0].TrimEnd();
    }

    [Fact]
    public void A_pipe_in_input_mode_shows_the_target_the_line_and_how_to_leave()
    {
        var state = Inputs().SelectProcess("repl").Press('i').State.Keys("print(6*7)");

        var bar = HintBar(state);

        Assert.StartsWith(" INPUT → repl print(6*7)", bar);
        Assert.EndsWith("enter sends · ctrl+] leaves", bar);
    }

    [Fact]
    public void A_pty_in_input_mode_says_the_keys_go_to_its_terminal()
    {
        var bar = HintBar(Inputs().SelectProcess("shell").Press('i').State);

        Assert.StartsWith(" INPUT → shell", bar);
        Assert.EndsWith("keys go to its terminal · ctrl+] leaves", bar);
    }

    [Fact]
    public void The_input_key_is_hinted_only_for_a_process_that_takes_input()
    {
        Assert.Contains("i input", HintBar(Inputs().SelectProcess("repl")));
        Assert.DoesNotContain("input", HintBar(Inputs().SelectProcess("db")));
    }
}
