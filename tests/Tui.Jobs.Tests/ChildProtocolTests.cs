using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>What the child is given (metadata) and what it tells (progress, declared events), through the real protocol.</summary>
public sealed partial class ChildProtocolTests
{
    public sealed record Strategy(string Name, int Window);

    [JsonSerializable(typeof(Strategy))]
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    private sealed partial class TestJson : JsonSerializerContext;

    [Fact]
    public async Task Metadata_given_at_spawn_reaches_the_child_as_TUI_METADATA()
    {
        await using var jobs = new JobsHarness();
        var print = "printf '%s\\n' \"$TUI_METADATA\"";
        await jobs.Manager.SpawnAsync(jobs.Script("object", print).WithMetadata(new JsonObject { ["strategy"] = "momentum" }));
        await jobs.Manager.SpawnAsync(jobs.Script("typed", print).WithMetadata(new Strategy("mean-reversion", 20), TestJson.Default.Strategy));

        await jobs.Manager.WaitAsync("object").WaitAsync(JobsHarness.Patience);
        await jobs.Manager.WaitAsync("typed").WaitAsync(JobsHarness.Patience);

        Assert.Equal("""{"strategy":"momentum"}""", (await jobs.Manager.GetOutputAsync("object")).Single().Text);
        Assert.Equal("""{"name":"mean-reversion","window":20}""", (await jobs.Manager.GetOutputAsync("typed")).Single().Text);
    }

    [Fact]
    public async Task Progress_and_declared_events_arrive_as_records_and_an_undeclared_one_does_not()
    {
        await using var jobs = new JobsHarness();
        var events = new List<JobEvent>();
        using var subscription = jobs.Manager.Events.Subscribe(e => { lock (events) events.Add(e); });
        var child = jobs.Script("trader", """
            echo '::tui progress percent=40 message="warming up"'
            echo '::tui bogus x=1'
            echo '::tui trade symbol=AAPL pnl=12.5'
            echo done
            exec sleep 1000
            """).WithEvent("trade", ("symbol", "string"), ("pnl", "number"));
        await jobs.Manager.SpawnAsync(child);

        var progress = await jobs.WaitFor<JobProgress>(p => p.Id == "trader");
        var trade = await jobs.WaitFor<JobCustomEvent>(e => e.Id == "trader");
        await jobs.WaitForLine("trader", "done");

        Assert.Equal((40.0, "warming up"), (progress.Percent, progress.Message));
        Assert.Equal(0.4, jobs.Manager.GetStatus("trader").Progress);
        Assert.Equal("trade", trade.Name);
        Assert.Equal("AAPL", trade.Data.GetProperty("symbol").GetString());
        Assert.Equal(12.5, trade.Data.GetProperty("pnl").GetDouble());
        lock (events) Assert.DoesNotContain(events, e => e is JobCustomEvent { Name: "bogus" });
        // Markers are messages to Tui, not output.
        Assert.Equal(["done"], (await jobs.Manager.GetOutputAsync("trader")).Select(l => l.Text));
    }

    [Fact]
    public void An_event_declared_with_a_type_TOML_does_not_know_is_refused_with_the_types_it_could_be()
    {
        var error = Assert.Throws<ArgumentException>(() => Process.Define("x").WithEvent("trade", ("pnl", "float")));
        Assert.StartsWith("events.trade.pnl must be one of \"number\", \"integer\"", error.Message);
        Assert.Throws<ArgumentException>(() => Process.Define("x").WithEvent("status"));
        Assert.Throws<ArgumentException>(() => Process.Define("x").WithEvent("progress", ("message", "string")));
    }

    [Fact]
    public void Metadata_that_is_not_a_JSON_object_is_refused()
    {
        Assert.Contains("JSON object", Assert.Throws<ArgumentException>(() => Process.Define("x").WithMetadata("[1, 2]")).Message);
        Assert.Contains("not valid JSON", Assert.Throws<ArgumentException>(() => Process.Define("x").WithMetadata("{strategy")).Message);
        Assert.Equal("""{"a":1}""", Process.Define("x").WithMetadata(JsonSerializer.Serialize(new JsonObject { ["a"] = 1 })).MetadataJson);
    }
}
