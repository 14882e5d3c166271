using System.Reactive.Concurrency;
using Tui.Core.Logs;
using Tui.Core.Tests.Logs.Support;

namespace Tui.Core.Tests.Logs;

/// <summary>Volume: a child writing a million lines, captured to a file with real timers, loses nothing.</summary>
public class ProcessLogThroughputTests
{
    private const int Lines = 1_000_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Million_lines_of_100_bytes_all_reach_the_file_in_order()
    {
        using var dir = new TempDirectory();
        // 10 digits, a space, 88 digits and the newline: 100 bytes a line.
        using var child = ShChild.Start($"awk 'BEGIN {{ for (i = 1; i <= {Lines}; i++) printf \"%010d %088d\\n\", i, 0 }}'");
        var log = new ProcessLog("loud", new LogOptions(10_000, dir.Path, MaxFileBytes: 1L << 30, MaxFiles: 1), Scheduler.Default);
        long seen = 0;
        log.Lines.Subscribe(_ => seen++);

        await log.Attach(child.Stdout, child.Stderr).WaitAsync(Timeout);
        Assert.Equal(0, child.WaitForExit());
        log.Dispose();

        Assert.Equal(Lines, seen);
        long expected = 1;
        using (var reader = new StreamReader(RotatingLogFile.PathFor(dir.Path, "loud")))
        {
            while (reader.ReadLine() is { } line)
            {
                // Timestamp (24) and " out " (5), then the child's line.
                var number = long.Parse(line.AsSpan(LogFileFormat.TimestampBytes + 5, 10));
                Assert.True(number == expected, $"line {expected} expected, found {number}");
                Assert.Equal(LogFileFormat.TimestampBytes + 5 + 99, line.Length);
                expected++;
            }
        }
        Assert.Equal(Lines + 1, expected);
    }
}
