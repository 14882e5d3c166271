using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Stats;
using Tui.Core.Tests.Logs.Support;

namespace Tui.Core.Tests.Stats;

/// <summary>ProcStatsSource against real process trees, once per way of finding a tree's members.</summary>
public abstract class ProcStatsSourceTests(bool useChildrenFiles)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ProcStatsSource _source = new(useChildrenFiles);

    private static int[] ReadPids(ShChild child) =>
        child.Process.StandardOutput.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    /// <summary>Kills the given pids (children of the sh), so that the sh's own wait reaps them and it exits.</summary>
    private static void KillChildren(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Waits (bounded) until a real process has exited and is a zombie.</summary>
    private static void WaitUntilZombie(int pid)
    {
        var deadline = Stopwatch.StartNew();
        while (!File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "))
        {
            Assert.True(deadline.Elapsed < Timeout, $"{pid} did not become a zombie");
            Thread.Sleep(10);
        }
    }

    [Fact]
    public void Tree_of_a_shell_and_two_sleeps_has_three_processes_memory_threads_and_fds()
    {
        using var child = ShChild.Start("sleep 30 & a=$!; sleep 30 & b=$!; echo $a $b; wait");
        var sleeps = ReadPids(child);
        try
        {
            var sample = _source.Sample(child.Pid);

            Assert.NotNull(sample);
            Assert.Equal(3, sample.Value.ProcessCount);
            Assert.True(sample.Value.RssBytes > 0);
            Assert.True(sample.Value.Threads >= 3, $"threads {sample.Value.Threads}");
            // Each member has at least stdin, stdout and stderr open.
            Assert.True(sample.Value.OpenFds >= 9, $"fds {sample.Value.OpenFds}");
            Assert.True(sample.Value.RootUptime >= TimeSpan.Zero && sample.Value.RootUptime < Timeout);
            Assert.True(sample.Value.RootStartTicks > 0);

            // A subtree is a tree too.
            Assert.Equal(1, _source.Sample(sleeps[0])!.Value.ProcessCount);
        }
        finally
        {
            KillChildren(sleeps);
            child.WaitForExit();
        }
    }

    [Fact]
    public void Grandchildren_are_part_of_the_tree()
    {
        // sh -> sh -> sleep: the inner sh prints the sleep's pid and its own, then waits.
        using var child = ShChild.Start("sh -c 'sleep 30 & echo $! $$; wait' & wait");
        var (sleep, inner) = ReadPids(child) is [var s, var i] ? (s, i) : throw new InvalidOperationException();
        try
        {
            Assert.Equal(3, _source.Sample(child.Pid)?.ProcessCount);
            Assert.Equal(2, _source.Sample(inner)?.ProcessCount);
        }
        finally
        {
            KillChildren([sleep]);
            child.WaitForExit();
        }
    }

    [Fact]
    public void Children_forked_by_any_thread_of_a_multithreaded_member_are_found()
    {
        // python starts a second thread and forks the sleep from it: the child is listed under that thread, not the
        // main one.
        using var child = ShChild.Start(
            "exec python3 -c 'import subprocess, sys, threading\n" +
            "def spawn():\n    p = subprocess.Popen([\"sleep\", \"30\"]); print(p.pid, flush=True); p.wait()\n" +
            "t = threading.Thread(target=spawn); t.start(); sys.stdin.readline(); t.join()'");
        var sleep = ReadPids(child)[0];
        try
        {
            var sample = _source.Sample(child.Pid);

            Assert.Equal(2, sample?.ProcessCount);
            Assert.True(sample?.Threads >= 3, $"threads {sample?.Threads}: python's two and the sleep");
        }
        finally
        {
            KillChildren([sleep]);
            child.Process.StandardInput.WriteLine("go");
            child.Process.StandardInput.Flush();
            child.WaitForExit();
        }
    }

    [Fact]
    public void One_round_samples_many_roots_and_marks_the_gone_ones()
    {
        using var first = ShChild.Start("echo; exec sleep 30");
        using var second = ShChild.Start("echo; exec sleep 30");
        first.Process.StandardOutput.ReadLine();
        second.Process.StandardOutput.ReadLine();
        using var gone = ShChild.Start("exit 0");
        gone.WaitForExit();

        var results = new ProcessTreeSample?[3];
        _source.SampleRound([first.Pid, gone.Pid, second.Pid], results);

        Assert.Equal(1, results[0]?.ProcessCount);
        Assert.Null(results[1]);
        Assert.Equal(1, results[2]?.ProcessCount);
    }

    [Fact]
    public void Gone_pid_returns_null()
    {
        using var child = ShChild.Start("exit 0");
        child.WaitForExit();
        var pidMax = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max"));

        Assert.Null(_source.Sample(child.Pid));
        Assert.Null(_source.Sample(pidMax + 1));
    }

    [Fact]
    public void Zombie_root_is_gone_but_a_zombie_child_still_belongs_to_its_tree()
    {
        // perl forks a child that exits at once and does not reap it until the test says go: a zombie, deterministically
        // (sh reaps background children whenever it likes).
        using var child = ShChild.Start(
            "exec perl -e '$| = 1; my $pid = fork; if (!$pid) { exit 0 } print \"$pid\\n\"; <STDIN>; waitpid($pid, 0)'");
        var zombie = ReadPids(child)[0];
        try
        {
            WaitUntilZombie(zombie);

            Assert.Null(_source.Sample(zombie));
            Assert.Equal(2, _source.Sample(child.Pid)?.ProcessCount);
        }
        finally
        {
            child.Process.StandardInput.WriteLine("go");
            child.Process.StandardInput.Flush();
            child.WaitForExit();
        }
    }

    [Fact]
    public async Task Open_fds_of_the_tree_are_counted()
    {
        using var child = ShChild.Start("exec 3</dev/null 4</dev/null 5</dev/null; sleep 30 & echo $!; read go; wait");
        var sleep = ReadPids(child)[0];
        try
        {
            // $! is printed right after the fork: the child may not have exec'd sleep yet, and after the exec the loader
            // and setlocale still open and close files for a moment. So the listing and the count are compared until
            // the tables hold still; a count that is wrong never matches.
            int listed = 0, counted = -1;
            var matched = await Eventually.True(() =>
            {
                listed = Directory.GetFileSystemEntries($"/proc/{child.Pid}/fd").Length
                    + Directory.GetFileSystemEntries($"/proc/{sleep}/fd").Length;
                counted = _source.Sample(child.Pid)?.OpenFds ?? -1;
                return ReadComm(sleep) == "sleep" && counted == listed;
            });

            Assert.True(matched, $"counted {counted}, listed {listed}");
            Assert.True(counted >= 2 * 6, $"fds {counted}: each has stdin, stdout, stderr and 3, 4, 5");
        }
        finally
        {
            KillChildren([sleep]);
            child.Process.StandardInput.WriteLine("go");
            child.Process.StandardInput.Flush();
            child.WaitForExit();
        }
    }

    /// <summary>utime + stime of a process, read the plain way (independent of the parser under test).</summary>
    private static long CpuTicksOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[14 - 3]) + long.Parse(fields[15 - 3]);
    }

    [Fact]
    public async Task Busy_tree_cpu_percent_is_the_cpu_time_it_really_got_over_the_interval()
    {
        // Real time here: CPU % is about the real clock. The tree (a sh and two busy loops) gets whatever share of the
        // cores this machine gives it; the collector's figure must match that share as read from /proc right after each
        // round, and be far from idle.
        using var burner = ShChild.Start("while :; do :; done & a=$!; while :; do :; done & b=$!; echo $a $b; wait");
        var loops = ReadPids(burner);
        int[] members = [burner.Pid, .. loops];
        using var collector = new StatsCollector(_source, Scheduler.Default, TimeSpan.FromSeconds(1));
        var samples = collector.Samples
            .Select(stats => (Stats: stats, Ticks: members.Sum(CpuTicksOf)))
            .Take(2).ToList().ToTask();
        collector.Track("burner", burner.Pid);
        try
        {
            var both = await samples.WaitAsync(Timeout);

            var (first, second) = (both[0], both[1]);
            var seconds = (second.Stats.At - first.Stats.At).TotalSeconds;
            var really = (second.Ticks - first.Ticks) * 100.0 / _source.ClockTicksPerSecond / seconds;
            Assert.True(Math.Abs(second.Stats.CpuPercent - really) <= 5 + really * 0.05,
                $"collector says {second.Stats.CpuPercent:F1}%, /proc says {really:F1}% over {seconds:F2} s");
            Assert.True(second.Stats.CpuPercent >= 5, $"two busy loops at {second.Stats.CpuPercent:F1}% look idle");
            Assert.True(second.Stats.CpuPercent <= 100.0 * Environment.ProcessorCount * 1.1, $"{second.Stats.CpuPercent:F1}% is more than all cores");
            Assert.Equal(3, second.Stats.ProcessCount);
        }
        finally
        {
            KillChildren(loops);
            burner.WaitForExit();
        }
    }

    [Fact]
    public void Clock_ticks_per_second_agree_with_getconf()
    {
        using var getconf = ShChild.Start("getconf CLK_TCK");
        var expected = int.Parse(getconf.Process.StandardOutput.ReadToEnd().Trim());
        getconf.WaitForExit();

        Assert.Equal(expected, _source.ClockTicksPerSecond);
    }

    private static string? ReadComm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
    }

}
