namespace Tui.App.Tests.Cli;

/// <summary>tui attach in a real terminal (tmux) on a daemon started with tui up -d.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AttachTests
{
    [Fact]
    public async Task Attach_shows_the_daemons_processes_and_quitting_detaches_leaving_them_running()
    {
        await using var f = new DaemonFixture();
        f.Cli.WriteConfig("""
            [processes.api]
            command = "exec sleep 300"
            group = "web"

            [processes.worker]
            command = "exec sleep 300"
            """);
        await f.Up();
        var rows = await f.PsUntilAllAlive(2);
        var tui = Path.Combine(AppContext.BaseDirectory, "tui");
        using var tmux = new TmuxSession(120, 40, f.Cli.Environment,
            $"'{tui}' attach -c '{f.Cli.ConfigPath}'; echo \"exit=$?\"; sleep 300");

        var screen = await tmux.WaitFor(rows[1].Pid!.Value.ToString());
        // Each process's row: its name and the pid ps --json gives, on one line of the list.
        foreach (var (name, _, pid) in rows)
        {
            Assert.Contains(screen.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"\b{name}\b.*\b{pid}\b"));
        }
        // Detaching loses nothing, so q leaves at once, without a question.
        tmux.Keys("q");
        var after = await tmux.WaitFor("exit=");
        Assert.DoesNotContain("Quit?", after);

        Assert.Contains("detached: 2 processes still running", after);
        Assert.Contains("exit=0", after);
        Assert.Equal(rows, await f.Ps());
        Assert.All(rows, r => Assert.True(DaemonFixture.IsAlive(r.Pid!.Value)));
        Assert.Equal(0, (await f.Tui("down")).Exit);
        Assert.All(rows, r => Assert.False(DaemonFixture.IsAlive(r.Pid!.Value)));
    }
}
