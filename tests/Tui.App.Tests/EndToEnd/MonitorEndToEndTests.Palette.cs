namespace Tui.App.Tests.EndToEnd;

/// <summary>The command palette and the prompts' line editing in the real program.</summary>
public sealed partial class MonitorEndToEndTests
{
    [TmuxFact]
    public void The_palette_finds_a_process_and_restarts_it_by_a_few_letters()
    {
        WriteConfig("""
            [processes.alpha]
            command = "echo $$ >> pids/alpha; echo alpha up; exec sleep 600"

            [processes.worker]
            command = "echo $$ >> pids/worker; echo worker up; exec sleep 600"
            group = "jobs"
            """);

        using var tmux = StartMonitor();
        tmux.WaitFor(s => RowOf(s, "alpha").Contains("● ") && RowOf(s, "worker").Contains("● "), "both processes up");
        WaitUntil(() => RecordedPids("worker").Count == 1, "worker recorded its pid");
        tmux.WaitFor(s => s.Contains(": palette"), "the hint bar names the palette key");

        // ctrl+p, a few letters of the process: Enter selects it.
        tmux.Keys("C-p");
        tmux.WaitFor("command palette");
        tmux.Type("wrkr");
        tmux.WaitFor(s => Chosen(s, "process", "worker"), "worker ranked first");
        tmux.Keys("Enter");
        tmux.WaitFor(s => !s.Contains("command palette") && SelectedRow(s).Contains("worker"), "worker selected");

        // :, a few letters of the action, Enter: it restarts the selected process as r would.
        tmux.Keys(":");
        tmux.WaitFor("command palette");
        tmux.Type("rstrt");
        tmux.WaitFor(s => Chosen(s, "action", "restart"), "restart ranked first");
        tmux.Keys("Enter");
        WaitUntil(() => RecordedPids("worker").Count == 2, "the restarted worker recorded a new pid");
        // Its log (the pane shows the selected process) tells of the second run and why it began.
        tmux.WaitFor(s => RowOf(s, "worker").Contains("● ") && s.Contains("run 2 (user restart)"), "worker running again after a user restart");
        Assert.Single(RecordedPids("alpha"));

        // A search prompt edits in place: type, move left, insert; Enter; then up in a new prompt recalls it.
        tmux.Keys("/");
        tmux.Type("wrker");
        tmux.Keys("Left", "Left", "Left", "Left");
        tmux.Type("o");
        tmux.WaitFor("search: /worker");
        tmux.Keys("Enter");
        tmux.Keys("/");
        tmux.Keys("C-u");
        tmux.Keys("Up");
        tmux.WaitFor("search: /worker");
        // Esc cancels (and clears the search); wait for it, or the q after it would read as alt+q.
        tmux.Keys("Escape");
        tmux.WaitFor(s => !s.Contains("search: /") && !s.Contains("search \"worker\""), "the prompt closed and the search cleared");

        tmux.Keys("q");
        tmux.WaitFor("Quit?");
        tmux.Keys("y");
        tmux.WaitForExit();
        WaitUntil(() => RecordedPids().All(p => !IsAlive(p)), "every recorded child to be gone");
    }

    /// <summary>The palette's chosen line (marked ›) is this entry.</summary>
    private static bool Chosen(string screen, string kind, string label) =>
        System.Text.RegularExpressions.Regex.IsMatch(screen, $@"› {kind}\s+{label}\s");
}
