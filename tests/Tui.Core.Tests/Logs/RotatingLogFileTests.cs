using System.Reactive.Concurrency;
using Tui.Core.Logs;
using Tui.Core.Tests.Logs.Support;

namespace Tui.Core.Tests.Logs;

public class RotatingLogFileTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly HistoricalScheduler _scheduler = new(Start);

    private static LogLine Line(long n) => new(n, "api", Start, LogStream.Stdout, $"line {n:D6}");

    /// <summary>Each test line is 41 bytes in the file: 24 timestamp, 1, "out", 1, "line 000001" (11), newline.</summary>
    private const int LineBytes = 41;

    private static List<long> ReadNumbers(string path) =>
        File.ReadAllLines(path).Select(l =>
        {
            Assert.True(LogFileFormat.TryParse(l, out _, out _, out _, out var text), $"not a log line: {l}");
            return long.Parse(text["line ".Length..]);
        }).ToList();

    [Fact]
    public void Lines_reach_the_file_within_the_flush_interval()
    {
        using var dir = new TempDirectory();
        var path = dir.File("api.log");
        using var file = new RotatingLogFile(path, maxBytes: 1 << 20, maxFiles: 3, _scheduler);

        file.Append(Line(1));
        file.Append(Line(2));
        Assert.Equal(0, new FileInfo(path).Length); // still in the buffer

        _scheduler.AdvanceBy(RotatingLogFile.FlushInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, new FileInfo(path).Length);

        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal([1L, 2], ReadNumbers(path));

        file.Append(Line(3));
        _scheduler.AdvanceBy(RotatingLogFile.FlushInterval);
        Assert.Equal([1L, 2, 3], ReadNumbers(path));
    }

    [Fact]
    public void Dispose_writes_what_is_buffered()
    {
        using var dir = new TempDirectory();
        var path = dir.File("api.log");
        var file = new RotatingLogFile(path, maxBytes: 1 << 20, maxFiles: 3, _scheduler);
        for (var i = 1; i <= 5; i++) file.Append(Line(i));

        file.Dispose();

        Assert.Equal([1L, 2, 3, 4, 5], ReadNumbers(path));
    }

    [Fact]
    public void Rotation_with_enough_files_loses_no_line_and_keeps_them_in_order()
    {
        using var dir = new TempDirectory();
        var path = dir.File("api.log");
        const int total = 1_000;
        var file = new RotatingLogFile(path, maxBytes: 10 * LineBytes, maxFiles: 200, _scheduler);
        for (var i = 1; i <= total; i++) file.Append(Line(i));
        file.Dispose();

        var numbers = new List<long>();
        for (var n = 200; n >= 1; n--)
        {
            var rotated = file.RotatedPath(n);
            if (!File.Exists(rotated)) continue;
            Assert.True(new FileInfo(rotated).Length <= 10 * LineBytes);
            numbers.AddRange(ReadNumbers(rotated));
        }
        numbers.AddRange(ReadNumbers(path));

        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), numbers);
        Assert.Equal(99, Directory.GetFiles(dir.Path).Length - 1); // 100 files of 10 lines: the current one and 99 rotated
    }

    [Fact]
    public void Rotation_keeps_max_files_rotated_files_and_the_newest_lines()
    {
        using var dir = new TempDirectory();
        var path = dir.File("api.log");
        var file = new RotatingLogFile(path, maxBytes: 10 * LineBytes, maxFiles: 3, _scheduler);
        for (var i = 1; i <= 95; i++) file.Append(Line(i));
        file.Dispose();

        Assert.Equal(["api.log", "api.log.1", "api.log.2", "api.log.3"],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(61, 10).Select(i => (long)i), ReadNumbers(file.RotatedPath(3)));
        Assert.Equal(Enumerable.Range(71, 10).Select(i => (long)i), ReadNumbers(file.RotatedPath(2)));
        Assert.Equal(Enumerable.Range(81, 10).Select(i => (long)i), ReadNumbers(file.RotatedPath(1)));
        Assert.Equal(Enumerable.Range(91, 5).Select(i => (long)i), ReadNumbers(path));
    }

    [Fact]
    public void Zero_max_files_keeps_only_the_current_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("api.log");
        var file = new RotatingLogFile(path, maxBytes: 10 * LineBytes, maxFiles: 0, _scheduler);
        for (var i = 1; i <= 25; i++) file.Append(Line(i));
        file.Dispose();

        Assert.Equal(["api.log"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.Equal(Enumerable.Range(21, 5).Select(i => (long)i), ReadNumbers(path));
    }

    [Fact]
    public void Line_larger_than_the_limit_gets_a_file_of_its_own()
    {
        using var dir = new TempDirectory();
        var path = dir.File("api.log");
        var file = new RotatingLogFile(path, maxBytes: 100, maxFiles: 5, _scheduler);
        file.Append(Line(1));
        file.Append(new LogLine(2, "api", Start, LogStream.Stdout, new string('x', 500)));
        file.Append(Line(3));
        file.Dispose();

        Assert.Equal([1L], ReadNumbers(file.RotatedPath(2)));
        Assert.Equal(500 + 30, new FileInfo(file.RotatedPath(1)).Length);
        Assert.Equal([3L], ReadNumbers(path));
    }

    [Fact]
    public void Reopening_appends_to_the_existing_file_and_counts_its_size()
    {
        using var dir = new TempDirectory();
        var path = dir.File("api.log");
        var first = new RotatingLogFile(path, maxBytes: 10 * LineBytes, maxFiles: 3, _scheduler);
        for (var i = 1; i <= 8; i++) first.Append(Line(i));
        first.Dispose();

        var second = new RotatingLogFile(path, maxBytes: 10 * LineBytes, maxFiles: 3, _scheduler);
        for (var i = 9; i <= 12; i++) second.Append(Line(i));
        second.Dispose();

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), ReadNumbers(second.RotatedPath(1)));
        Assert.Equal([11L, 12], ReadNumbers(path));
    }

    [Fact]
    public void Directory_is_created_and_process_names_become_safe_file_names()
    {
        using var dir = new TempDirectory();
        var path = RotatingLogFile.PathFor(Path.Combine(dir.Path, "state", "logs"), "web/api");
        var file = new RotatingLogFile(path, maxBytes: 1000, maxFiles: 1, _scheduler);
        file.Append(Line(1));
        file.Dispose();

        Assert.Equal(Path.Combine(dir.Path, "state", "logs", "web_api.log"), file.Path);
        Assert.Equal([1L], ReadNumbers(file.Path));
    }

    [Fact]
    public void Append_after_dispose_is_refused()
    {
        using var dir = new TempDirectory();
        var file = new RotatingLogFile(dir.File("api.log"), maxBytes: 1000, maxFiles: 1, _scheduler);
        file.Dispose();

        Assert.Throws<ObjectDisposedException>(() => file.Append(Line(1)));
    }
}
