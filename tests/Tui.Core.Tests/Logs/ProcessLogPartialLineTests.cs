using System.Reactive.Concurrency;
using Tui.Core.Logs;
using Tui.Core.Tests.Logs.Support;

namespace Tui.Core.Tests.Logs;

/// <summary>Partial lines (prompts) in virtual time: the stream is scripted so the test knows when a chunk was handled.</summary>
public class ProcessLogPartialLineTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HistoricalScheduler _scheduler = new(Start);
    private readonly ProcessLog _log;
    private readonly ScriptedStream _stdout = new();
    private readonly List<LogLine> _lines = [];
    private readonly Task _attached;

    public ProcessLogPartialLineTests()
    {
        _log = new ProcessLog("shell", new LogOptions(RingCapacity: 100, Directory: null, MaxFileBytes: 1 << 20, MaxFiles: 1), _scheduler);
        _log.Lines.Subscribe(line => { lock (_lines) _lines.Add(line); });
        _attached = _log.Attach(_stdout, stderr: null);
    }

    private List<(string Text, bool Partial)> Seen()
    {
        lock (_lines) return _lines.Select(l => (l.Text, l.Partial)).ToList();
    }

    public void Dispose()
    {
        _stdout.End();
        _attached.Wait(Timeout);
        _log.Dispose();
    }

    [Fact]
    public void Prompt_without_newline_is_emitted_as_partial_after_the_delay()
    {
        _stdout.PushAndWait("Password: ");

        _scheduler.AdvanceBy(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Empty(Seen());

        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal([("Password: ", true)], Seen());
        Assert.Equal(Start + Delay, _lines[0].Timestamp);

        _stdout.PushAndWait("accepted\n");
        Assert.Equal([("Password: ", true), ("accepted", false)], Seen());
    }

    [Fact]
    public void Newline_that_ends_a_flushed_prompt_adds_no_empty_line()
    {
        _stdout.PushAndWait("Continue? ");
        _scheduler.AdvanceBy(Delay);
        _stdout.PushAndWait("\nnext\n");

        Assert.Equal([("Continue? ", true), ("next", false)], Seen());
    }

    [Fact]
    public void Line_completed_within_the_delay_stays_whole()
    {
        _stdout.PushAndWait("hel");
        _scheduler.AdvanceBy(Delay / 2);
        _stdout.PushAndWait("lo\n");
        _scheduler.AdvanceBy(Delay * 5);

        Assert.Equal([("hello", false)], Seen());
    }

    [Fact]
    public void Each_new_unfinished_line_gets_its_full_delay()
    {
        _stdout.PushAndWait("first");                 // t = 0: timer due at 200
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(150));
        _stdout.PushAndWait(" done\nsecond");          // t = 150: "second" waits until 350
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(100));
        Assert.Equal([("first done", false)], Seen());

        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(100));
        Assert.Equal([("first done", false), ("second", true)], Seen());
        Assert.Equal(Start + TimeSpan.FromMilliseconds(350), _lines[1].Timestamp);
    }

    [Fact]
    public async Task Unfinished_line_at_end_of_stream_is_emitted_as_partial_and_attach_completes()
    {
        _stdout.Push("last words");
        _stdout.End();

        await _attached.WaitAsync(Timeout);
        Assert.Equal([("last words", true)], Seen());
    }

    [Fact]
    public void Timestamps_come_from_the_scheduler()
    {
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(3));
        _stdout.PushAndWait("one\n");
        _log.WriteSystem("exited with code 0");

        Assert.All(_lines, l => Assert.Equal(Start + TimeSpan.FromSeconds(3), l.Timestamp));
        Assert.Equal([LogStream.Stdout, LogStream.System], _lines.Select(l => l.Stream));
    }
}
