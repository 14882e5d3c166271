using System.Diagnostics;
using Tui.Storage;
using Tui.Storage.Orphans;

namespace Tui.App.Tests.Cli;

/// <summary>tui up -d, down, and orphan recovery after a SIGKILLed daemon, with the real program and real children.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DaemonTests
{
    private const string TwoSleepers = """
        [processes.api]
        command = "exec sleep 300"

        [processes.worker]
        command = "exec sleep 300"
        """;

    [Fact]
    public async Task Without_log_dir_each_process_writes_its_file_in_a_private_folder_of_the_state_directory()
    {
        await using var f = new DaemonFixture();
        f.Cli.WriteConfig("""
            [processes.api]
            command = "echo 'hello from api'; echo 'oops' >&2; exec sleep 300"
            """);

        await f.Up();
        await f.PsUntilAllAlive(1);
        Assert.Equal(0, (await f.Tui("down")).Exit); // returns once the instance is gone, its files closed

        var folder = Path.Combine(f.StateDir, StatePaths.LogsFolder, StatePaths.StemFor(f.Cli.ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var lines = File.ReadAllLines(Path.Combine(folder, "api.log"));
        Assert.Contains(lines, l => l.EndsWith(" out hello from api", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" err oops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Up_d_starts_a_daemon_that_ps_reaches_and_down_leaves_nothing_running()
    {
        await using var f = new DaemonFixture();
        f.Cli.WriteConfig(TwoSleepers);

        var daemon = await f.Up();
        var rows = await f.PsUntilAllAlive(2);
        var (again, _, againError) = await f.Tui("up", "-d");
        var (down, downOut, _) = await f.Tui("down");

        Assert.Equal(["api", "worker"], rows.Select(r => r.Name));
        Assert.Equal(3, again);
        Assert.Contains("already running", againError);
        Assert.Equal(0, down);
        Assert.Equal($"stopped daemon {daemon}\n", downOut);
        Assert.True(await DaemonFixture.Gone(daemon), "the daemon is still running");
        foreach (var (_, _, pid) in rows) Assert.False(DaemonFixture.IsAlive(pid!.Value), $"child {pid} outlived tui down");
        Assert.Equal(69, (await f.Tui("ps")).Exit);
        Assert.False(File.Exists(StatePaths.LiveChildren(f.Cli.ConfigPath, Env(f))));
    }

    [Fact]
    public async Task A_config_error_is_shown_by_up_d_and_no_daemon_starts()
    {
        await using var f = new DaemonFixture();
        f.Cli.WriteConfig("[processes.api]\ncomand = \"sleep 1\"\n");

        var (exit, output, error) = await f.Tui("up", "-d");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("processes.toml:2:1", error);
        Assert.Equal(69, (await f.Tui("ps")).Exit);
    }

    [Fact]
    public async Task After_a_SIGKILLed_daemon_the_next_start_stops_its_orphans_but_never_a_reused_pid()
    {
        await using var f = new DaemonFixture();
        f.Cli.WriteConfig(TwoSleepers);
        var daemon = await f.Up();
        var orphans = (await f.PsUntilAllAlive(2)).Select(r => r.Pid!.Value).ToList();

        Process.GetProcessById(daemon).Kill();
        Assert.True(await DaemonFixture.Gone(daemon));
        Assert.All(orphans, pid => Assert.True(DaemonFixture.IsAlive(pid), $"orphan {pid} died with the daemon"));
        // A stranger whose pid the file claims with another start time: what a reused pid looks like.
        using var stranger = Process.Start(new ProcessStartInfo("setsid", ["sleep", "300"]))!;
        f.Track(stranger.Id);
        var registry = StatePaths.LiveChildren(f.Cli.ConfigPath, Env(f));
        var contents = LiveChildFile.Read(registry)!;
        var strangerStart = ProcessIdentity.Of(stranger.Id)!.Value.StartTicks;
        LiveChildFile.Write(registry, contents.Owner!.Value,
            [.. contents.Children, new LiveChild("api", stranger.Id, stranger.Id, strangerStart - 1)]);

        var second = await f.Up();
        var rows = await f.PsUntilAllAlive(2);

        Assert.All(orphans, pid => Assert.False(DaemonFixture.IsAlive(pid), $"orphan {pid} was not stopped"));
        Assert.True(DaemonFixture.IsAlive(stranger.Id), "a process with a reused pid was signalled");
        Assert.DoesNotContain(rows, r => orphans.Contains(r.Pid!.Value));
        var log = File.ReadAllText(Path.Combine(f.StateDir, StatePaths.StemFor(f.Cli.ConfigPath) + ".daemon.log"));
        Assert.Contains("2 processes of an earlier run still running", log);
        Assert.Equal(0, (await f.Tui("down")).Exit);
        Assert.True(await DaemonFixture.Gone(second));
    }

    private static Func<string, string?> Env(DaemonFixture f) => name => f.Cli.Environment.GetValueOrDefault(name);
}
