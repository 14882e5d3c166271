using System.Diagnostics;
using System.Reactive.Concurrency;
using Tui.Core.Logs;

namespace Tui.Scenarios;

/// <summary>
/// The figure: a child writing 1,000,000 lines of 100 bytes. Its run time while Tui captures it (ProcessLog with
/// a log file, real scheduler) against its run time writing to /dev/null, and whether the file has every line, in order.
/// Each way is run several times and the fastest run counts, so that other load on the machine hurts as little as possible.
/// </summary>
internal static class LogThroughputScenario
{
    /// <summary>Bytes per line, newline included: a 10-digit number, a space, 88 digits, the newline.</summary>
    private const int LineBytes = 100;

    /// <summary>Big enough that the whole run stays in one file: rotation is tested elsewhere, here every line is checked.</summary>
    private const long MaxFileBytes = 1L << 40;

    public static async Task<int> RunAsync(string[] args)
    {
        var lines = ScenarioArgs.Int(args, "--lines", 1_000_000);
        var runs = ScenarioArgs.Int(args, "--runs", 3);
        var generator = $"awk 'BEGIN {{ for (i = 1; i <= {lines}; i++) printf \"%010d %088d\\n\", i, 0 }}'";

        var baseline = new List<double>();
        var captured = new List<double>();
        var drained = new List<double>();
        var tuiCpu = new List<double>();
        var allGood = true;
        for (var run = 1; run <= runs; run++)
        {
            baseline.Add(RunToDevNull(generator));
            var result = await RunCapturedAsync(generator, lines);
            captured.Add(result.ChildSeconds);
            drained.Add(result.DrainedSeconds);
            tuiCpu.Add(result.TuiCpuSeconds);
            allGood &= result.Lost == 0 && result.InOrder;
            Console.WriteLine($"run {run}: /dev/null {baseline[^1]:F3} s, under Tui {captured[^1]:F3} s " +
                              $"(all lines read after {drained[^1]:F3} s, Tui CPU {tuiCpu[^1]:F3} s), " +
                              $"file lines {result.FileLines}, lost {result.Lost}, in order {result.InOrder}");
        }

        var ratio = captured.Min() / baseline.Min();
        Console.WriteLine($"lines: {lines} x {LineBytes} B");
        Console.WriteLine($"child run time to /dev/null (best of {runs}): {baseline.Min():F3} s");
        Console.WriteLine($"child run time under Tui (best of {runs}): {captured.Min():F3} s");
        Console.WriteLine($"ratio: {ratio:F2}x (goal: at most 1.5x)");
        Console.WriteLine($"Tui CPU for all lines (best of {runs}): {tuiCpu.Min():F3} s ({lines / tuiCpu.Min() / 1e6:F2} M lines per CPU second)");
        Console.WriteLine($"zero lines lost, in order: {allGood}");
        return allGood ? 0 : 1;
    }

    private static double RunToDevNull(string generator)
    {
        using var child = ShellChild.Start(generator + " > /dev/null");
        var clock = Stopwatch.StartNew();
        child.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }

    private sealed record CapturedRun(double ChildSeconds, double DrainedSeconds, double TuiCpuSeconds, long FileLines, long Lost, bool InOrder);

    private static async Task<CapturedRun> RunCapturedAsync(string generator, int lines)
    {
        var dir = Directory.CreateTempSubdirectory("tui-scenario-");
        try
        {
            var log = new ProcessLog("loud", new LogOptions(10_000, dir.FullName, MaxFileBytes, MaxFiles: 1), Scheduler.Default);
            var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            using var child = ShellChild.Start(generator);
            var clock = Stopwatch.StartNew();
            var attached = log.Attach(child.StandardOutput.BaseStream, child.StandardError.BaseStream);
            await child.WaitForExitAsync();
            var childSeconds = clock.Elapsed.TotalSeconds;
            await attached;
            var drainedSeconds = clock.Elapsed.TotalSeconds;
            log.Dispose();
            self.Refresh();
            var tuiCpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;

            var (count, inOrder) = CheckFile(RotatingLogFile.PathFor(dir.FullName, "loud"));
            return new CapturedRun(childSeconds, drainedSeconds, tuiCpu, count, lines - count, inOrder && count == lines);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Counts the file's lines and checks they are the child's numbers 1, 2, 3, ... in order.</summary>
    private static (long Count, bool InOrder) CheckFile(string path)
    {
        long count = 0;
        var inOrder = true;
        using var reader = new StreamReader(path);
        while (reader.ReadLine() is { } line)
        {
            count++;
            var text = line.AsSpan(LogFileFormat.TimestampBytes + " out ".Length);
            inOrder &= text.Length == LineBytes - 1 && long.TryParse(text[..10], out var number) && number == count;
        }
        return (count, inOrder);
    }
}
