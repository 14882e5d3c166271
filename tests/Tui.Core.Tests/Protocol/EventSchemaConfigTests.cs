using Tui.Core.Config;
using Tui.Core.Tests.Config;

namespace Tui.Core.Tests.Protocol;

/// <summary>[processes.NAME.events.E] tables: field types, optional fields, reserved names, the progress event.</summary>
public sealed class EventSchemaConfigTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private const string Train = "[processes.train]\ncommand = \"run\"\n";

    [Fact]
    public void Declared_events_keep_their_fields_in_order()
    {
        var train = _scratch.Load(Train + "[processes.train.events.progress]\npercent = \"number\"\n[processes.train.events.epoch]\nn = \"integer\"\nloss = \"number\"\nnote = \"string?\"").Processes.Single();
        Assert.Equal([new EventField("percent", EventFieldType.Number, false)], train.Events["progress"].Fields.AsEnumerable());
        Assert.Equal(
            [new EventField("n", EventFieldType.Integer, false), new EventField("loss", EventFieldType.Number, false), new EventField("note", EventFieldType.String, true)],
            train.Events["epoch"].Fields.AsEnumerable());
    }

    [Theory]
    [InlineData("[processes.train.events.epoch]\nn = \"int\"", "4:5: events.epoch.n must be one of \"number\", \"integer\", \"string\", \"boolean\", \"object\", \"array\", \"any\" (with \"?\" when optional), not the string \"int\"")]
    [InlineData("[processes.train.events.epoch]\nn = 1", "4:5: events.epoch.n must be one of \"number\", \"integer\", \"string\", \"boolean\", \"object\", \"array\", \"any\" (with \"?\" when optional), not the integer 1")]
    [InlineData("[processes.train.events.status]\ntext = \"string\"", "3:25: \"status\" is a message of its own, not an event name; choose another name")]
    [InlineData("[processes.train.events.\"two words\"]\nx = \"any\"", "3:25: event name \"two words\" must be a word of letters, digits, \"_\", \"-\" and \".\"")]
    [InlineData("[processes.train.events.progress]\npct = \"number\"", "3:1: events.progress drives the progress shown on screen, so it needs percent = \"number\"")]
    [InlineData("events = { epoch = 1 }", "3:20: events.epoch must be a table of field = \"type\", not the integer 1")]
    public void Bad_schemas_are_reported(string keys, string expected) => Assert.Equal(expected, _scratch.Error(Train + keys));

    [Fact]
    public void Changing_a_schema_changes_the_definition()
    {
        var a = _scratch.Load(Train + "events = { epoch = { n = \"integer\" } }").Processes.Single().Definition;
        var b = _scratch.Load(Train + "events = { epoch = { n = \"number\" } }").Processes.Single().Definition;
        Assert.NotEqual(a, b);
    }
}
