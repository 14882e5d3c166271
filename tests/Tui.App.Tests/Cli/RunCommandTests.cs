using System.Text.Json;

namespace Tui.App.Tests.Cli;

/// <summary>tui run, run as the real program against a real daemon (tui up -d): the job is waited for and kept in history.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunCommandTests
{
    private const string OneService = """
        [processes.api]
        command = "exec sleep 300"
        """;

    [Fact]
    public async Task Run_adds_a_job_to_the_daemon_and_wait_exits_with_its_exit_code()
    {
        await using var f = new DaemonFixture();
        f.Cli.WriteConfig(OneService);
        await f.Up();
        await f.PsUntilAllAlive(1);
        var config = f.Cli.ConfigPath;

        var (exit, output, error) = await f.Cli.Run("run", "-c", config, "--name", "j", "--", "sh", "-c", "exit 3");
        var (waited, _, waitError) = await f.Cli.Run("wait", "j", "-c", config);
        var (again, _, againError) = await f.Cli.Run("run", "-c", config, "--name", "j", "--", "true");
        var rows = await f.Ps();
        // History is written in batches (at most RecorderOptions.BatchInterval behind): asked again until the run is in it.
        var (history, historyOut, historyError) = await DaemonFixture.AskUntil(
            () => f.Cli.Run("history", "j", "--json", "-c", config),
            answer => answer.Exit != 0 || answer.Out.Trim() != "[]",
            answer => $"history: exit {answer.Exit}, {answer.Out}{answer.Err}");

        Assert.True(exit == 0, error);
        Assert.Matches(@"^j (started, pid \d+|added \(\w+\))\n$", output);
        Assert.Equal(3, waited);
        Assert.Equal("", waitError);
        Assert.Equal(1, again);
        Assert.Equal("tui run: a process named \"j\" already exists\n", againError);
        Assert.Equal(["api", "j"], rows.Select(r => r.Name));
        Assert.True(history == 0, historyError);
        using var runs = JsonDocument.Parse(historyOut);
        var run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal(3, run.GetProperty("exitCode").GetInt32());
    }
}
