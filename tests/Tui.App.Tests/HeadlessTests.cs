using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Tui.App.Commands;
using Tui.Core.Processes;

namespace Tui.App.Tests;

/// <summary>tui up --headless: the real program (tui.dll next to this assembly) with real children.</summary>
public sealed partial class HeadlessTests : IDisposable
{
    /// <summary>Long enough for a loaded 2-core machine to start .NET and two shells.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tui-headless-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task SIGTERM_stops_every_child_and_exits_0()
    {
        var config = Write("""
            [processes.db]
            command = "echo db up; exec sleep 1000"

            [processes.api]
            command = "sleep 1000 & echo api child $!; wait"
            depends_on = ["db"]
            """);
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir.FullName,
            // Its history and log files go into the test's folder, not the user's state directory.
            Environment = { ["XDG_STATE_HOME"] = Path.Combine(_dir.FullName, "state") },
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tui.dll"), "up", "--headless", "--logs", "-c", config })
        {
            info.ArgumentList.Add(arg);
        }

        using var tui = Process.Start(info)!;
        var lines = new List<string>();
        var pids = new List<int>();
        try
        {
            var stderr = tui.StandardError.ReadToEndAsync();
            var running = await ReadUntil(tui, lines, l => l.Count(IsRunningLine) == 2 && l.Any(x => x.StartsWith("api | api child ")));
            pids.AddRange(running.Where(IsRunningLine).Select(l => int.Parse(RunningLine().Match(l).Groups["pid"].Value)));
            var grandchild = int.Parse(running.Single(x => x.StartsWith("api | api child "))["api | api child ".Length..]);
            Assert.All(pids, pid => Assert.True(ProcessGroup.IsAlive(pid)));

            Assert.Equal(0, kill(tui.Id, Signals.SIGTERM));
            await tui.WaitForExitAsync().WaitAsync(WaitLimit);
            var rest = await tui.StandardOutput.ReadToEndAsync();
            lines.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            Assert.Equal(0, tui.ExitCode);
            Assert.Equal("", await stderr);
            Assert.Contains(lines, l => l.EndsWith(" tui SIGTERM: stopping every process"));
            Assert.Contains(lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d\.\d{3} api stopping -> stopped \(shutdown: signal SIGTERM\)$"));
            Assert.Contains(lines, l => Regex.IsMatch(l, @"^\d\d:\d\d:\d\d\.\d{3} db stopping -> stopped \(shutdown: signal SIGTERM\)$"));
            // Reverse dependency order: api is down before db is asked to stop.
            Assert.True(lines.FindIndex(l => l.Contains(" api stopping -> stopped")) < lines.FindIndex(l => l.Contains(" db running -> stopping") || l.Contains(" db ready -> stopping")));
            Assert.All(pids, pid => Assert.False(ProcessGroup.IsAlive(pid), $"group {pid} outlived tui"));
            Assert.True(ProcStat.Read(grandchild) is null or { IsDead: true }, $"grandchild {grandchild} outlived tui");
        }
        finally
        {
            if (!tui.HasExited) tui.Kill();
            foreach (var pid in pids) ProcessGroup.KillGroupAndWait(pid, TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public void Config_error_prints_file_line_col_without_a_stack_trace_and_exits_1()
    {
        var config = Write("""
            [processes.api]
            command = "echo hi"
            restart = "sometimes"
            """);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = UpCommand.Run(config, headless: true, logs: false, output, error);

        Assert.Equal(UpCommand.ExitConfigError, exit);
        Assert.Equal("", output.ToString());
        Assert.StartsWith($"{config}:3:11", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void Without_headless_and_without_a_terminal_it_says_to_use_headless_and_exits_2()
    {
        var config = Write("""
            [processes.api]
            command = "echo hi"
            """);
        var error = new StringWriter();

        var exit = UpCommand.Run(config, headless: false, logs: false, new StringWriter(), error);

        Assert.Equal(UpCommand.ExitNoMonitor, exit);
        // The test runs without a terminal: the monitor refuses before any child starts.
        Assert.StartsWith("tui up: ", error.ToString());
        Assert.Contains("is not a terminal; use --headless", error.ToString());
    }

    private string Write(string toml)
    {
        var path = Path.Combine(_dir.FullName, "processes.toml");
        File.WriteAllText(path, toml);
        return path;
    }

    private static bool IsRunningLine(string line) => RunningLine().IsMatch(line);

    /// <summary>"14:02:11.004 db starting -> running (pid 4121)"</summary>
    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} \w+ starting -> running \(pid (?<pid>\d+)\)$")]
    private static partial Regex RunningLine();

    private static async Task<List<string>> ReadUntil(Process process, List<string> lines, Func<List<string>, bool> done)
    {
        var deadline = Task.Delay(WaitLimit);
        while (!done(lines))
        {
            var next = process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(next, deadline) == deadline)
            {
                throw new TimeoutException("tui printed:\n" + string.Join("\n", lines));
            }
            lines.Add(await next ?? throw new InvalidOperationException("tui exited early:\n" + string.Join("\n", lines)));
        }
        return lines;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
