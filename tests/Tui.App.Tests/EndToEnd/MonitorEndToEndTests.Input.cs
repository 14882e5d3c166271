namespace Tui.App.Tests.EndToEnd;

/// <summary>Input mode in the real monitor: typing into a python3 REPL and a read prompt on pipes, and into a pty.</summary>
public sealed partial class MonitorEndToEndTests
{
    [TmuxFact]
    public void Input_mode_types_into_a_python_repl_and_a_read_prompt_on_pipes()
    {
        // python3 -i prompts on stderr and, with -u, answers at once on its stdout pipe.
        WriteConfig("""
            [processes.repl]
            command = "echo $$ >> pids/repl; exec python3 -u -i -q"
            stdin = true

            [processes.ask]
            command = "echo $$ >> pids/ask; echo 'name?'; read x; echo \"got [$x]\"; exec sleep 600"
            stdin = true

            [processes.plain]
            command = "echo $$ >> pids/plain; exec sleep 600"
            """);

        using var tmux = StartMonitor();
        tmux.WaitFor(s => new[] { "repl", "ask", "plain" }.All(n => RowOf(s, n).Contains("● ")), "three processes up");
        tmux.WaitFor(s => SelectedRow(s).Contains("repl") && s.Contains(" i input"), "repl selected, the input key hinted");

        // i: the hint bar turns into repl's line editor; Enter sends the line to python.
        tmux.Keys("i");
        tmux.WaitFor(s => s.Contains("INPUT → repl") && s.Contains("ctrl+] leaves"), "input mode on repl");
        tmux.Type("print(6*7, 'is the answer')");
        tmux.WaitFor("INPUT → repl print(6*7, 'is the answer')");
        tmux.Keys("Enter");
        tmux.WaitFor(s => s.Contains("42 is the answer") && !s.Contains("INPUT → repl print"), "python's answer in the log, the line cleared");

        // Keys bound to actions are text here: q does not quit, x does not stop.
        tmux.Type("qx");
        tmux.WaitFor("INPUT → repl qx");
        Assert.Contains("● ", RowOf(tmux.Capture(), "repl"));

        // ctrl+] leaves; j selects ask, whose read prompt gets a line.
        tmux.Keys("C-]");
        tmux.WaitFor(s => !s.Contains("INPUT →"), "input mode left");
        tmux.Keys("j");
        tmux.WaitFor(s => SelectedRow(s).Contains("ask") && s.Contains("name?"), "ask selected, its prompt shown");
        tmux.Keys("i");
        tmux.WaitFor("INPUT → ask");
        tmux.Type("world");
        tmux.Keys("Enter");
        tmux.WaitFor("got [world]");
        tmux.Keys("C-]");

        // plain has no stdin: i says so and changes nothing.
        tmux.Keys("j");
        tmux.WaitFor(s => SelectedRow(s).Contains("plain") && !s.Contains("INPUT →"), "plain selected");
        tmux.Keys("i");
        tmux.WaitFor("plain has no stdin: set stdin = true or tty = true");
        Assert.DoesNotContain("INPUT →", tmux.Capture());

        QuitAndCheckNoChildIsLeft(tmux);
    }

    [TmuxFact]
    public void Input_mode_on_a_tty_process_sends_each_key_to_its_terminal()
    {
        WriteConfig("""
            [processes.term]
            command = "echo $$ >> pids/term; echo 'tty?'; read x; echo \"tty got [$x]\"; exec sleep 600"
            tty = true
            """);

        using var tmux = StartMonitor();
        tmux.WaitFor(s => RowOf(s, "term").Contains("● ") && s.Contains("tty?"), "term up, its prompt shown");

        tmux.Keys("i");
        tmux.WaitFor(s => s.Contains("INPUT → term") && s.Contains("keys go to its terminal"), "raw input mode on term");
        // Each key goes at once: the terminal's line discipline edits the line (the backspace removes the Z) and ends it on Enter.
        tmux.Type("abZ");
        tmux.Keys("BSpace");
        tmux.Type("c");
        tmux.Keys("Enter");
        tmux.WaitFor("tty got [abc]");
        tmux.Keys("C-]");
        tmux.WaitFor(s => !s.Contains("INPUT →"), "input mode left");

        QuitAndCheckNoChildIsLeft(tmux);
    }

    private void QuitAndCheckNoChildIsLeft(TmuxSession tmux)
    {
        tmux.Keys("q");
        tmux.WaitFor("Quit?");
        tmux.Keys("y");
        tmux.WaitForExit();
        WaitUntil(() => RecordedPids().All(p => !IsAlive(p)), "every recorded child to be gone");
    }
}
