using System.Diagnostics;
using System.Text.RegularExpressions;
using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>The samples in samples/ are built with the tests and run here as a user would run them.</summary>
public sealed partial class SampleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_jobs_runner_spawns_three_jobs_follows_one_and_prints_how_each_ended()
    {
        using var runner = Start("JobsRunner");
        string output;
        try
        {
            output = await runner.StandardOutput.ReadToEndAsync().WaitAsync(Patience);
            await runner.WaitForExitAsync().WaitAsync(Patience);
        }
        finally
        {
            if (!runner.HasExited) runner.Kill(entireProcessTree: true);
        }

        Assert.True(runner.ExitCode == 0, output + await runner.StandardError.ReadToEndAsync());
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["[count] line 1", "[count] line 2", "[count] line 3"], lines.Where(l => l.StartsWith("[count] line")));
        Assert.True(lines.Where(l => l.StartsWith("[count]") && l.EndsWith('%')).SequenceEqual(["[count] 33%", "[count] 66%", "[count] 99%"]), output);
        Assert.Equal(["count: completed, exit code 0", "greet: completed, exit code 0", "fail: errored, exit code 3"], lines.Where(l => l.Contains(", exit code")));
        Assert.Contains("greet said: hello from greet", lines);
    }

    [Fact]
    public async Task The_daemon_host_runs_its_daemon_until_ready_and_stops_it_on_ctrl_c()
    {
        using var host = Start("DaemonHost");
        var seen = new List<string>();
        // The first line with the text, whether read already or still to come: the host prints its events (ready) on the
        // engine's thread, so "daemon ready" may come before "daemon pid".
        async Task<string> LineWith(string text)
        {
            if (seen.FirstOrDefault(l => l.Contains(text)) is { } earlier) return earlier;
            while (await host.StandardOutput.ReadLineAsync().WaitAsync(Patience) is { } line)
            {
                seen.Add(line);
                if (line.Contains(text)) return line;
            }
            throw new Xunit.Sdk.XunitException($"the host ended without \"{text}\":\n{string.Join('\n', seen)}\n{await host.StandardError.ReadToEndAsync()}");
        }
        var daemonPid = 0;
        try
        {
            daemonPid = int.Parse(DaemonPid().Match(await LineWith("daemon pid")).Groups[1].Value);
            await LineWith("daemon ready");
            Assert.True(ProcFs.IsAlive(daemonPid));

            Signals.Send(host.Id, Signals.SIGINT);
            var stopped = await LineWith("daemon stopped");
            await host.WaitForExitAsync().WaitAsync(Patience);

            Assert.Equal("daemon stopped: user stop: exit 0", stopped);
            Assert.Equal(0, host.ExitCode);
            Assert.False(ProcFs.IsAlive(daemonPid), $"the daemon (pid {daemonPid}) outlived its host");
        }
        finally
        {
            // A host that failed the test is killed, and its daemon's group with it (the host can no longer stop it).
            if (!host.HasExited) Signals.Send(host.Id, Signals.SIGKILL);
            if (daemonPid > 0 && ProcFs.IsAlive(daemonPid)) Signals.Send(-daemonPid, Signals.SIGKILL);
        }
    }

    private static System.Diagnostics.Process Start(string sample)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, sample))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{sample} did not start");
    }

    [GeneratedRegex(@"daemon pid (\d+)")]
    private static partial Regex DaemonPid();
}
