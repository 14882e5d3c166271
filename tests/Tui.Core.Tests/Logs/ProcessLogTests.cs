using System.Reactive.Concurrency;
using Tui.Core.Logs;
using Tui.Core.Tests.Logs.Support;

namespace Tui.Core.Tests.Logs;

/// <summary>ProcessLog with real sh children writing to real pipes.</summary>
public class ProcessLogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly HistoricalScheduler _scheduler = new(Start);

    private static LogOptions Options(string? directory, int ring = 10_000, long maxFileBytes = 1 << 30, int maxFiles = 3) =>
        new(ring, directory, maxFileBytes, maxFiles);

    private static async Task RunToEnd(ProcessLog log, ShChild child)
    {
        var attached = log.Attach(child.Stdout, child.Stderr);
        await attached.WaitAsync(Timeout);
        Assert.Equal(0, child.WaitForExit());
    }

    private static List<LogLine> ReadFile(string path) =>
        File.ReadAllLines(path).Select(l =>
        {
            Assert.True(LogFileFormat.TryParse(l, out var at, out var stream, out var partial, out var text), $"not a log line: {l}");
            return new LogLine(0, "", at, stream, text, partial);
        }).ToList();

    [Fact]
    public async Task Stdout_and_stderr_lines_arrive_in_order_with_their_stream()
    {
        using var child = ShChild.Start("i=1; while [ $i -le 300 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done");
        using var log = new ProcessLog("api", Options(directory: null), _scheduler);
        var seen = new List<LogLine>();
        log.Lines.Subscribe(seen.Add);

        await RunToEnd(log, child);

        Assert.Equal(Enumerable.Range(1, 600).Select(i => (long)i), seen.Select(l => l.Sequence));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"out {i}"), seen.Where(l => l.Stream == LogStream.Stdout).Select(l => l.Text));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"err {i}"), seen.Where(l => l.Stream == LogStream.Stderr).Select(l => l.Text));
        Assert.All(seen, l => Assert.False(l.Partial));
        Assert.All(seen, l => Assert.Equal("api", l.Process));
        Assert.Equal(seen, log.Recent(1_000));
    }

    [Fact]
    public async Task Ring_keeps_only_the_newest_lines()
    {
        using var child = ShChild.Start("i=1; while [ $i -le 50 ]; do echo \"line $i\"; i=$((i+1)); done");
        using var log = new ProcessLog("api", Options(directory: null, ring: 10), _scheduler);

        await RunToEnd(log, child);

        Assert.Equal(10, log.Ring.Count);
        Assert.Equal(50, log.Ring.LastSequence);
        Assert.Equal(Enumerable.Range(41, 10).Select(i => $"line {i}"), log.Recent(100).Select(l => l.Text));
    }

    [Fact]
    public async Task File_holds_the_same_lines_as_the_stream_including_system_lines()
    {
        using var dir = new TempDirectory();
        using var child = ShChild.Start("echo hello; printf 'no newline' >&2");
        var log = new ProcessLog("api", Options(dir.Path), _scheduler);
        var seen = new List<LogLine>();
        log.Lines.Subscribe(seen.Add);

        log.WriteSystem($"started pid {child.Pid}");
        await RunToEnd(log, child);
        log.WriteSystem("exited with code 0\nbye");
        log.Dispose();

        Assert.Equal(Path.Combine(dir.Path, "api.log"), RotatingLogFile.PathFor(dir.Path, "api"));
        var file = ReadFile(RotatingLogFile.PathFor(dir.Path, "api"));
        Assert.Equal(seen.Select(l => (l.Timestamp, l.Stream, l.Text, l.Partial)), file.Select(l => (l.Timestamp, l.Stream, l.Text, l.Partial)));
        Assert.Equal(5, seen.Count);
        Assert.Contains(seen, l => l is { Stream: LogStream.Stderr, Text: "no newline", Partial: true });
        Assert.Equal(("exited with code 0", "bye"), (seen[^2].Text, seen[^1].Text));
    }

    [Fact]
    public async Task Rotation_under_a_real_child_keeps_every_line_in_order()
    {
        const int total = 20_000;
        using var dir = new TempDirectory();
        using var child = ShChild.Start($"awk 'BEGIN {{ for (i = 1; i <= {total}; i++) printf \"%d\\n\", i }}'");
        var log = new ProcessLog("api", Options(dir.Path, maxFileBytes: 16 * 1024, maxFiles: 1_000), _scheduler);

        await RunToEnd(log, child);
        log.Dispose();

        var path = RotatingLogFile.PathFor(dir.Path, "api");
        var files = Enumerable.Range(1, 1_000).Reverse().Select(n => $"{path}.{n}").Where(File.Exists).Append(path).ToList();
        Assert.True(files.Count > 10, $"expected many rotated files, got {files.Count}");
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 16 * 1024));
        Assert.Equal(Enumerable.Range(1, total).Select(i => i.ToString()), files.SelectMany(ReadFile).Select(l => l.Text));
    }

    [Fact]
    public async Task Each_run_of_the_child_continues_the_same_sequence()
    {
        using var log = new ProcessLog("api", Options(directory: null), _scheduler);
        using (var first = ShChild.Start("echo run 1")) await RunToEnd(log, first);
        log.WriteSystem("restarting");
        using (var second = ShChild.Start("echo run 2")) await RunToEnd(log, second);

        Assert.Equal([(1L, "run 1"), (2L, "restarting"), (3L, "run 2")], log.Recent(10).Select(l => (l.Sequence, l.Text)));
    }

    [Fact]
    public async Task Unwritable_log_directory_is_reported_as_a_system_line_and_capture_goes_on()
    {
        using var dir = new TempDirectory();
        var notADirectory = dir.File("plain-file");
        await File.WriteAllTextAsync(notADirectory, "x");
        using var child = ShChild.Start("echo still captured");
        using var log = new ProcessLog("api", Options(Path.Combine(notADirectory, "logs")), _scheduler);

        await RunToEnd(log, child);

        Assert.Null(log.FilePath);
        var lines = log.Recent(10);
        Assert.Equal(LogStream.System, lines[0].Stream);
        Assert.StartsWith("cannot write log file", lines[0].Text);
        Assert.Equal("still captured", lines[1].Text);
    }

    [Fact]
    public async Task Subscriber_that_throws_faults_attach_but_the_child_is_drained_to_the_end()
    {
        // 2 MB of output: far more than a pipe holds, so the child would hang if Tui stopped reading.
        using var child = ShChild.Start("awk 'BEGIN { for (i = 1; i <= 20000; i++) printf \"%099d\\n\", i }'");
        using var log = new ProcessLog("api", Options(directory: null), _scheduler);
        log.Lines.Subscribe(_ => throw new InvalidOperationException("broken view"));

        var attached = log.Attach(child.Stdout, child.Stderr);

        await Assert.ThrowsAsync<InvalidOperationException>(() => attached.WaitAsync(Timeout));
        Assert.Equal(0, child.WaitForExit());
    }
}
