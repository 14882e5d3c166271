using System.Diagnostics;

namespace Tui.App.Tests.EndToEnd;

/// <summary>
/// The real <c>tui up</c> in tmux on a config of real sh children: select, stop, restart, search, follow, theme,
/// reload, resize, quit; at the end no child may survive. Each child writes its pid to a file, which is how the test knows them.
/// </summary>
[Collection(TmuxCollection.Name)]
public sealed partial class MonitorEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tui-e2e-");
    private string PidDir => Path.Combine(_dir.FullName, "pids");

    public void Dispose()
    {
        // Whatever the test's outcome, leave no child behind: kill by the pids they recorded, never by name.
        foreach (var pid in RecordedPids()) KillIfAlive(pid);
        _dir.Delete(recursive: true);
    }

    [TmuxFact]
    public void The_monitor_runs_a_stack_takes_keys_and_leaves_no_child_behind()
    {
        // Each child records its own pid ($$ is the sh that runs the line, the group leader the engine started).
        WriteConfig($"""
            [processes.chatty]
            command = "echo $$ >> pids/chatty; i=0; while true; do i=$((i+1)); echo \"line $i GET /item/$i\"; sleep 0.2; done"
            group = "web"

            [processes.sleeper]
            command = "echo $$ >> pids/sleeper; echo sleeping; exec sleep 600"
            group = "web"

            [processes.loner]
            command = "echo $$ >> pids/loner; echo 'oops' >&2; exec sleep 600"
            """);

        using var tmux = StartMonitor();

        // The list: three processes, all up, the first selected with its log (stderr marked) following.
        tmux.WaitFor(s => new[] { "loner", "chatty", "sleeper" }.All(n => RowOf(s, n).Contains("● ")), "three processes up");
        tmux.WaitFor("▌oops");

        // Select sleeper (loner, web header, chatty, sleeper) and stop it.
        tmux.Keys("j", "j", "j");
        tmux.WaitFor(s => SelectedRow(s).Contains("sleeper"), "sleeper selected");
        tmux.Keys("x");
        tmux.WaitFor(s => RowOf(s, "sleeper").Contains("■ stopped"), "sleeper stopped");
        int firstSleeper = RecordedPids("sleeper").Single();
        Assert.False(IsAlive(firstSleeper), "the stopped child is gone");

        // Restart it: a new child with a new pid.
        tmux.Keys("r");
        tmux.WaitFor(s => RowOf(s, "sleeper").Contains("● "), "sleeper running again");
        WaitUntil(() => RecordedPids("sleeper").Count == 2, "the restarted sleeper recorded its pid");

        // Search chatty's log: select it, /, type, Enter: the match is marked and follow is released.
        tmux.Keys("k");
        tmux.WaitFor(s => SelectedRow(s).Contains("chatty") && s.Contains("GET /item/"), "chatty selected, its log shown");
        tmux.Keys("/");
        tmux.Type("line 2 ");
        tmux.Keys("Enter");
        tmux.WaitFor(s => s.Contains("search \"line 2 \"") && s.Contains("follow off") || s.Contains("lines up"), "a search result");
        tmux.Keys("f");
        tmux.WaitFor(s => s.Contains("follow · search"), "follow again");

        // Theme: the next one is announced.
        tmux.Keys("t");
        tmux.WaitFor("theme: ");

        // Ctrl+R reloads the unchanged file through the real engine: nothing to do, and it says so.
        tmux.Keys("C-r");
        tmux.WaitFor("config reloaded: no changes");

        // Resize: compact layout at 80x24 (no frames), back to the framed one at 120x40.
        tmux.Resize(80, 24);
        tmux.WaitFor(s => !s.Contains("╭ processes") && s.Split('\n').All(l => l.Length <= 80) && s.Contains(" NAME"), "the compact layout");
        tmux.Resize(120, 40);
        tmux.WaitFor("╭ processes");

        // Quit: asked first because processes run; then every child is stopped.
        tmux.Keys("q");
        tmux.WaitFor("Quit?");
        tmux.Keys("y");
        tmux.WaitForExit();
        // The terminal is given back as it was: main screen, no mouse reporting, normal cursor keys and keypad. (Whether
        // the cursor was shown again cannot be read here: tmux hides it itself in a pane whose program has exited.)
        Assert.Equal(
            ("0", "0", "0", "0", "0"),
            (tmux.Format("alternate_on"), tmux.Format("mouse_any_flag"), tmux.Format("mouse_sgr_flag"),
             tmux.Format("keypad_cursor_flag"), tmux.Format("keypad_flag")));
        var pids = RecordedPids();
        Assert.Equal(4, pids.Count); // chatty, loner, and sleeper twice
        WaitUntil(() => pids.All(p => !IsAlive(p)), "every recorded child to be gone");
    }

    [TmuxFact]
    public void A_history_that_cannot_be_written_is_told_on_the_screen_and_supervision_goes_on()
    {
        // No folder can be made under /proc, not even by root.
        WriteConfig("""
            [settings]
            history = "/proc/tui-no-such-folder/history.db"

            [processes.sleeper]
            command = "echo $$ >> pids/sleeper; exec sleep 600"
            """);

        using var tmux = StartMonitor();

        // Before, the monitor dropped such problems (stderr would tear the screen); now they are notifications.
        tmux.WaitFor(s => s.Contains("history disabled") && RowOf(s, "sleeper").Contains("● "), "the problem shown, sleeper up");

        tmux.Keys("q");
        tmux.WaitFor("Quit?");
        tmux.Keys("y");
        tmux.WaitForExit();
        WaitUntil(() => RecordedPids().All(p => !IsAlive(p)), "the child to be gone");
    }

    /// <summary>Writes processes.toml into the test's folder (children record their pids under pids/).</summary>
    private void WriteConfig(string toml)
    {
        Directory.CreateDirectory(PidDir);
        File.WriteAllText(Path.Combine(_dir.FullName, "processes.toml"), toml);
    }

    /// <summary>The real tui up on that config, in tmux at 120x40.</summary>
    private TmuxSession StartMonitor()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var tui = Path.Combine(AppContext.BaseDirectory, "tui.dll");
        // Its history and log files go into the test's folder, not the user's state directory.
        return new TmuxSession(_dir.FullName, 120, 40,
            $"cd '{_dir.FullName}' && XDG_STATE_HOME='{_dir.FullName}/state' '{dotnet}' '{tui}' up -c processes.toml");
    }

    private static string SelectedRow(string screen) => screen.Split('\n').FirstOrDefault(l => l.Contains('›')) ?? "";

    /// <summary>The list row of a process: its name is the first word after the frame, the selection marker and the indent.</summary>
    private static string RowOf(string screen, string name) =>
        screen.Split('\n').FirstOrDefault(l =>
            l.IndexOf(name + " ", StringComparison.Ordinal) is var i and > 0 && l[..i].Trim('│', '›', ' ').Length == 0) ?? "";

    private List<int> RecordedPids(string? name = null)
    {
        if (!Directory.Exists(PidDir)) return [];
        var files = name is null ? Directory.GetFiles(PidDir) : [Path.Combine(PidDir, name)];
        return files.Where(File.Exists)
            .SelectMany(f => File.ReadAllLines(f))
            .Select(l => int.TryParse(l.Trim(), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .ToList();
    }

    /// <summary>Alive and not a zombie: /proc/PID/stat's state field is not Z.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void KillIfAlive(int pid)
    {
        if (!IsAlive(pid)) return;
        try
        {
            using var p = Process.GetProcessById(pid);
            p.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Exited meanwhile.
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TmuxSession.DefaultWait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"timed out waiting for {what}");
            Thread.Sleep(100);
        }
    }
}
