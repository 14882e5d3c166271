using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;
using System.Text.Json.Nodes;
using Tui.Core.Supervision;
using Tui.Http.Events;

namespace Tui.Http.Tests;

public sealed class EventStreamTests
{
    private static bool IsState(SseItem<string> item, string process, string to) =>
        item.EventType == "state" && JsonNode.Parse(item.Data) is { } e && e.Text("process") == process && e.Text("to") == to;

    private static long Id(SseItem<string> item) => long.Parse(item.EventId!, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task State_changes_arrive_as_numbered_events(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        await f.AllAlive();
        await using var events = await Sse.Open(f.Client, "events");

        using var stop = await f.Client.PostAsync("processes/db/stop", null);
        var items = await events.Until(i => IsState(i, "db", "stopped"));

        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(items, i => IsState(i, "db", "stopping"));
        var ids = items.Select(Id).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_client_that_reconnects_with_last_event_id_gets_what_it_missed_once(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        await f.AllAlive();
        long seen;
        await using (var first = await Sse.Open(f.NewClient(), "events"))
        {
            using var stop = await f.Client.PostAsync("processes/db/stop", null);
            seen = Id((await first.Until(i => IsState(i, "db", "stopped")))[^1]);
        } // the connection drops

        // While nobody listens: db starts again.
        using var start = await f.Client.PostAsync("processes/db/start", null);
        await f.Until(s => s.Single(p => p.Name == "db").State.IsAlive());
        await using var resumed = await Sse.Open(f.NewClient(), "events", seen.ToString(CultureInfo.InvariantCulture));
        var missed = await resumed.Until(i => IsState(i, "db", "running") || IsState(i, "db", "ready"));

        Assert.Equal(seen + 1, Id(missed[0]));
        Assert.Equal(Enumerable.Range(0, missed.Count).Select(n => seen + 1 + n), missed.Select(Id));
        Assert.Contains(missed, i => i.EventType == "started" && JsonNode.Parse(i.Data)!.Text("process") == "db");
    }

    [Fact]
    public async Task Resuming_from_an_id_older_than_the_buffer_starts_with_a_gap_event()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack,
            o => o with { Sse = o.Sse with { ReplayEvents = 2 } });
        await f.AllAlive();
        using (await f.Client.PostAsync("processes/all/stop", null)) { }
        await f.Until(s => s.All(p => p.State == ProcessState.Stopped));

        await using var resumed = await Sse.Open(f.Client, "events", "1");
        var gap = await resumed.Next();
        var kept = await resumed.Next();

        Assert.Equal(EventHub.GapEvent, gap.EventType);
        Assert.Equal(1, JsonNode.Parse(gap.Data)!["missed_after"]!.GetValue<long>());
        Assert.True(Id(kept) > 2);
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_log_stream_sends_new_lines_and_resumes_after_a_line_id(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, """
            [processes.talker]
            command = "echo one; echo two; exec sleep 60"
            """);
        Assert.True(await Eventually(() => f.Engine.RecentLogs("talker", 10).Any(l => l.Text == "two")));
        var one = f.Engine.RecentLogs("talker", 100).Single(l => l.Text == "one");

        await using var resumed = await Sse.Open(f.Client, "processes/talker/logs/stream", one.Sequence.ToString(CultureInfo.InvariantCulture));
        var next = await resumed.Next();
        using var unknown = await f.Client.GetAsync("processes/nope/logs/stream");

        Assert.Equal("log", next.EventType);
        Assert.Equal("two", JsonNode.Parse(next.Data)!.Text("text"));
        Assert.Equal((one.Sequence + 1).ToString(CultureInfo.InvariantCulture), next.EventId);
        await Json.Error(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_reader_that_stops_reading_is_cut_off_while_the_engine_and_other_clients_go_on(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, """
            [processes.spam]
            command = "yes 'a log line long enough to fill the buffers between the server and a client that never reads' 2>/dev/null | head -n 200000; echo finished; exec sleep 60"
            autostart = false
            """, o => o with { Sse = o.Sse with { ClientQueue = 64, ReplayEvents = 16 } });
        using var slow = await f.ConnectRaw();
        slow.ReceiveBufferSize = 4096;
        await slow.SendAsync(Encoding.ASCII.GetBytes($"GET /processes/spam/logs/stream HTTP/1.1\r\n{f.RawHeaders}\r\n"));
        Assert.True(await Eventually(() => f.Server.StreamClients == 1), "the stream did not open");
        var finished = f.Engine.Logs.Where(l => l.Text == "finished").FirstAsync().Timeout(ApiFixture.WaitLimit).ToTask();

        using var start = await f.Client.PostAsync("processes/spam/start", null);
        await finished; // the engine took every line although one client reads none
        using var others = await f.Client.GetAsync("processes/spam");
        var received = await ErrorTests.ReadAll(slow); // ends: the server closed the connection

        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        Assert.Contains(f.Engine.RecentLogs("spam", 10), l => l.Text == "finished");
        Assert.True(received.Length < 4 * 1024 * 1024, $"{received.Length} bytes reached a client that never read");
        Assert.True(await Eventually(() => f.Server.StreamClients == 0), "the cut-off client is still counted");
    }

    [Fact]
    public async Task Stats_are_sent_at_most_once_a_second_with_the_latest_sample_of_each_process()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, ProcessRouteTests.Stack, statsInterval: TimeSpan.FromMilliseconds(50));
        await f.AllAlive();
        var clock = new HistoricalScheduler(DateTimeOffset.UnixEpoch);
        using var hub = new EventHub(f.Engine, clock, SseLimits.Default);
        using var client = hub.Subscribe(null);

        await f.Engine.Stats.Take(9).LastAsync().Timeout(ApiFixture.WaitLimit).ToTask(); // three samples of each process, in one window
        clock.AdvanceBy(TimeSpan.FromSeconds(1));
        var first = Drain(client).Where(i => i.EventType == "stats").ToList();
        await f.Engine.Stats.Take(9).LastAsync().Timeout(ApiFixture.WaitLimit).ToTask();
        clock.AdvanceBy(TimeSpan.FromMilliseconds(999));
        var early = Drain(client).Where(i => i.EventType == "stats").ToList();
        clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        var second = Drain(client).Where(i => i.EventType == "stats").ToList();

        var batch = Assert.Single(first);
        Assert.Equal(["api", "db", "front"], JsonNode.Parse(batch.Data)!.AsArray().Select(s => s!.Text("process")).Order());
        Assert.Empty(early);
        Assert.Single(second);
    }

    private static List<SseItem<string>> Drain(SseSubscriber client)
    {
        var items = new List<SseItem<string>>();
        while (client.TryTake(out var item)) items.Add(item);
        return items;
    }

    /// <summary>A bounded wait for a count no event announces.</summary>
    internal static async Task<bool> Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + ApiFixture.WaitLimit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10);
        }
        return true;
    }
}
