using System.Text;
using Tui.Core.Protocol;

namespace Tui.Core.Tests.Protocol;

/// <summary>Newline-delimited JSON messages: the three types, and everything else refused with a reason.</summary>
public sealed class JsonMessageParserTests
{
    private static ParseResult Parse(string line) => JsonMessageParser.Parse(Encoding.UTF8.GetBytes(line));

    [Fact]
    public void A_heartbeat_is_just_its_type() =>
        Assert.IsType<ChildMessage.Heartbeat>(Parse("{\"type\":\"heartbeat\"}").Message);

    [Fact]
    public void A_status_carries_one_clean_line()
    {
        Assert.Equal(new ChildMessage.Status("compiling 3/10"), Parse("{\"type\":\"status\",\"text\":\"compiling 3/10\"}").Message);
        Assert.Equal(new ChildMessage.Status("red text  and a bell"), Parse("{\"type\":\"status\",\"text\":\"\\u001b[31mred text\\u001b[0m\\u0007 and a bell\\u001b]0;title\\u0007\"}").Message);
        Assert.Equal(new ChildMessage.Status(null), Parse("{\"type\":\"status\",\"text\":\"\"}").Message);
        Assert.Equal(new ChildMessage.Status(null), Parse("{\"type\":\"status\"}").Message);
        var longText = new string('x', 1000);
        var status = Assert.IsType<ChildMessage.Status>(Parse($"{{\"type\":\"status\",\"text\":\"{longText}\"}}").Message);
        Assert.Equal(ProtocolLimits.MaxStatusChars, status.Text!.Length);
    }

    [Fact]
    public void An_event_has_a_name_and_an_object_of_data()
    {
        var message = Assert.IsType<ChildMessage.Event>(Parse("{\"type\":\"event\",\"name\":\"progress\",\"data\":{\"percent\":42}}").Message);
        Assert.Equal("progress", message.Name);
        Assert.Equal(42, message.Data.GetProperty("percent").GetInt32());
        var bare = Assert.IsType<ChildMessage.Event>(Parse("{\"type\":\"event\",\"name\":\"tick\"}").Message);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, bare.Data.ValueKind);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "a message must be a JSON object")]
    [InlineData("{\"kind\":\"heartbeat\"}", "a message needs \"type\"")]
    [InlineData("{\"type\":\"explode\"}", "unknown message type \"explode\"")]
    [InlineData("{\"type\":\"status\",\"text\":5}", "status \"text\" must be a string")]
    [InlineData("{\"type\":\"event\",\"name\":\"two words\"}", "an event needs \"name\"")]
    [InlineData("{\"type\":\"event\",\"name\":\"x\",\"data\":[1]}", "an event's \"data\" must be a JSON object")]
    [InlineData("{\"type\":\"heartbeat\"", "not JSON")]
    public void Anything_else_is_refused_with_a_reason(string line, string reason)
    {
        var result = Parse(line);
        Assert.Null(result.Message);
        Assert.StartsWith(reason, result.Error);
    }

    [Fact]
    public void Deeply_nested_data_is_refused_without_a_stack_overflow()
    {
        var deep = "{\"type\":\"event\",\"name\":\"x\",\"data\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_001);
        var result = Parse(deep);
        Assert.Null(result.Message);
        Assert.StartsWith("not JSON", result.Error);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var result = JsonMessageParser.Parse(new byte[] { (byte)'{', 0xFF, 0xFE, (byte)'}' });
        Assert.Null(result.Message);
    }
}
