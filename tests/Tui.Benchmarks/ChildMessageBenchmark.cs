using System.Reactive.Concurrency;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tui.Core.Protocol;

namespace Tui.Benchmarks;

/// <summary>
/// The child protocol's hot paths: the check every stdout line of every child goes through (is it a ::tui marker?),
/// parsing a JSON line and a marker, and dropping a flood (split, rate-limited, counted; nothing parsed).
/// </summary>
[MemoryDiagnoser]
public class ChildMessageBenchmark
{
    private const int FloodLines = 10_000;

    private static readonly byte[] JsonEvent = "{\"type\":\"event\",\"name\":\"epoch\",\"data\":{\"n\":3,\"loss\":0.25,\"note\":\"warm start\"}}"u8.ToArray();
    private const string MarkerEvent = "::tui epoch n=3 loss=0.25 note=\"warm start\"";
    private const string PlainLine = "14:02:10.120 GET /health 200 0.4ms";

    private ChildChannel _channel = null!;
    private IDisposable _attachment = null!;
    private byte[] _flood = [];
    private long _delivered;

    [GlobalSetup]
    public void Setup()
    {
        // A clock that never moves: after the burst every message of the flood is over the rate, as in a real flood.
        _channel = new ChildChannel("bench", Path.Combine(Path.GetTempPath(), "unused.sock"), new HistoricalScheduler());
        _attachment = _channel.Attach(Environment.ProcessId, _ => _delivered++, (_, _) => { });
        _flood = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"type\":\"heartbeat\"}\n", FloodLines)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _attachment.Dispose();
        _channel.Dispose();
    }

    [Benchmark(Baseline = true)]
    public bool Plain_log_line_checked_for_a_marker() => _channel.OfferMarker(PlainLine);

    [Benchmark]
    public ParseResult Json_event_parsed() => JsonMessageParser.Parse(JsonEvent);

    [Benchmark]
    public ParseResult Marker_event_parsed() => MarkerParser.Parse(MarkerEvent);

    [Benchmark(OperationsPerInvoke = FloodLines)]
    public long Flooded_line_split_and_dropped()
    {
        var reader = new BoundedLineReader();
        reader.Feed(_flood, _ =>
        {
            _channel.TakeToken();
            return true; // dropped when over the rate, and the reading goes on
        }, () => { });
        return _delivered;
    }
}
