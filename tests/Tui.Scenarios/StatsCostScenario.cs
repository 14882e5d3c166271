using System.Diagnostics;
using Tui.Core.Stats;

namespace Tui.Scenarios;

/// <summary>
/// CPU time (not wall time, which other load on the machine inflates) that one stats round over N supervised processes
/// costs, and so the share of one core spent on stats at one round per second.
/// </summary>
internal static class StatsCostScenario
{
    /// <summary>Rounds before measuring, so that JIT and first-touch costs are not counted.</summary>
    private const int WarmupRounds = 20;

    public static int Run(string[] args)
    {
        var processes = ScenarioArgs.Int(args, "--processes", 100);
        var rounds = ScenarioArgs.Int(args, "--rounds", 300);
        var children = new List<Process>();
        try
        {
            for (var i = 0; i < processes; i++) children.Add(ShellChild.Start("exec sleep 3600"));
            var pids = children.Select(c => c.Id).ToArray();
            var results = new ProcessTreeSample?[processes];
            var source = new ProcStatsSource();
            for (var i = 0; i < WarmupRounds; i++) source.SampleRound(pids, results);

            var self = Process.GetCurrentProcess();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < rounds; i++) source.SampleRound(pids, results);
            self.Refresh();
            var cpuPerRound = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
            var wallPerRound = clock.Elapsed.TotalMilliseconds / rounds;

            var found = results.Count(r => r is { ProcessCount: 1 });
            Console.WriteLine($"processes: {processes} (found {found} live single-process trees)");
            Console.WriteLine($"processes on the machine: {Directory.EnumerateDirectories("/proc").Count(d => char.IsAsciiDigit(Path.GetFileName(d)[0]))}");
            Console.WriteLine($"CPU per round: {cpuPerRound:F3} ms (wall {wallPerRound:F3} ms)");
            Console.WriteLine($"share of one core at 1 round/s: {cpuPerRound / 10:F3} % (goal: well under 1 %)");
            return found == processes ? 0 : 1;
        }
        finally
        {
            foreach (var child in children)
            {
                if (!child.HasExited) child.Kill();
                child.WaitForExit();
                child.Dispose();
            }
        }
    }
}
