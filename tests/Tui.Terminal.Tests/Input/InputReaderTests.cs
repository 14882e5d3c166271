using System.Reactive.Concurrency;
using Tui.Terminal.Backend;
using Tui.Terminal.Input;

namespace Tui.Terminal.Tests.Input;

public class InputReaderTests
{
    private readonly HistoricalScheduler _clock = new();
    private readonly List<InputEvent> _events = [];
    private readonly InputReader _reader;

    public InputReaderTests() => _reader = new InputReader(new MemoryTerminal(), _clock, _events.Add);

    [Fact]
    public void A_lone_escape_becomes_the_escape_key_after_the_timeout()
    {
        _reader.Deliver("\e"u8);
        _clock.AdvanceBy(InputDecoder.EscapeTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_events);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal([new KeyEvent(Key.Escape)], _events);
    }

    [Fact]
    public void The_rest_of_a_sequence_arriving_in_time_makes_it_a_key_not_escape()
    {
        _reader.Deliver("\e"u8);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(20));
        _reader.Deliver("[A"u8);
        _clock.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal([new KeyEvent(Key.Up)], _events);
    }

    [Fact]
    public void Escape_then_a_late_letter_is_escape_then_the_letter()
    {
        _reader.Deliver("\e"u8);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(200));
        _reader.Deliver("j"u8);
        Assert.Equal([new KeyEvent(Key.Escape), KeyEvent.Char('j')], _events);
    }

    [Fact]
    public void The_reading_thread_decodes_what_the_terminal_delivers_and_reports_the_end()
    {
        var terminal = new MemoryTerminal();
        var received = new System.Collections.Concurrent.BlockingCollection<InputEvent>();
        using var ended = new ManualResetEventSlim();
        using var reader = new InputReader(terminal, _clock, received.Add);
        reader.Ended += ended.Set;
        reader.Start();
        terminal.Type("\e[1;5Aq");
        Assert.True(received.TryTake(out var first, TimeSpan.FromSeconds(5)));
        Assert.True(received.TryTake(out var second, TimeSpan.FromSeconds(5)));
        Assert.Equal(new KeyEvent(Key.Up, KeyModifiers.Ctrl), first);
        Assert.Equal(KeyEvent.Char('q'), second);
        terminal.EndInput();
        Assert.True(ended.Wait(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_paused_reader_leaves_typed_bytes_for_the_next_owner_of_the_terminal()
    {
        var terminal = new MemoryTerminal();
        var received = new System.Collections.Concurrent.BlockingCollection<InputEvent>();
        using var reader = new InputReader(terminal, _clock, received.Add) { Paused = true };
        reader.Start();
        terminal.Type("ls\r");
        Assert.False(received.TryTake(out _, TimeSpan.FromMilliseconds(300)));
        var left = new byte[8];
        Assert.Equal(3, terminal.Read(left));

        terminal.Type("q");
        reader.Paused = false;
        Assert.True(received.TryTake(out var e, TimeSpan.FromSeconds(5)));
        Assert.Equal(KeyEvent.Char('q'), e);
    }
}
