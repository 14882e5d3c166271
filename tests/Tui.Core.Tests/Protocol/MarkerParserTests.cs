using System.Text.Json;
using Tui.Core.Protocol;

namespace Tui.Core.Tests.Protocol;

/// <summary>The ::tui stdout markers: each documented form, value types, and broken markers.</summary>
public sealed class MarkerParserTests
{
    [Theory]
    [InlineData("::tui heartbeat", true)]
    [InlineData("::tui status x", true)]
    [InlineData(":: tui heartbeat", false)]
    [InlineData(" ::tui heartbeat", false)]
    [InlineData("::tuiheartbeat", false)]
    [InlineData("log line mentioning ::tui heartbeat", false)]
    public void Only_lines_starting_with_the_prefix_are_markers(string line, bool marker) => Assert.Equal(marker, MarkerParser.IsMarker(line));

    [Fact]
    public void Heartbeat_and_status()
    {
        Assert.IsType<ChildMessage.Heartbeat>(MarkerParser.Parse("::tui heartbeat").Message);
        Assert.IsType<ChildMessage.Heartbeat>(MarkerParser.Parse("::tui heartbeat\r").Message);
        Assert.Equal(new ChildMessage.Status("compiling 3/10 (fast)"), MarkerParser.Parse("::tui status compiling 3/10 (fast)").Message);
        Assert.Equal(new ChildMessage.Status(null), MarkerParser.Parse("::tui status").Message);
    }

    [Fact]
    public void An_event_with_typed_values()
    {
        var e = Assert.IsType<ChildMessage.Event>(MarkerParser.Parse("::tui epoch n=3 loss=0.25 note=\"warm \\\"start\\\"\" done=false word=abc gone=null neg=-7").Message);
        Assert.Equal("epoch", e.Name);
        Assert.Equal(3, e.Data.GetProperty("n").GetInt64());
        Assert.Equal(0.25, e.Data.GetProperty("loss").GetDouble());
        Assert.Equal("warm \"start\"", e.Data.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.False, e.Data.GetProperty("done").ValueKind);
        Assert.Equal("abc", e.Data.GetProperty("word").GetString());
        Assert.Equal(JsonValueKind.Null, e.Data.GetProperty("gone").ValueKind);
        Assert.Equal(-7, e.Data.GetProperty("neg").GetInt64());
    }

    [Fact]
    public void The_documented_progress_example()
    {
        var e = Assert.IsType<ChildMessage.Event>(MarkerParser.Parse("::tui progress percent=42").Message);
        Assert.Equal("progress", e.Name);
        Assert.Equal(42, e.Data.GetProperty("percent").GetDouble());
    }

    [Fact]
    public void A_json_marker_is_a_socket_message()
    {
        var e = Assert.IsType<ChildMessage.Event>(MarkerParser.Parse("::tui {\"type\":\"event\",\"name\":\"epoch\",\"data\":{\"n\":3}}").Message);
        Assert.Equal(3, e.Data.GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData("::tui ", "a marker needs a message")]
    [InlineData("::tui heartbeat now", "heartbeat takes nothing after it")]
    [InlineData("::tui 9lives x=1", "\"9lives\" is not an event name")]
    [InlineData("::tui epoch n", "expected key=value at \"n\"")]
    [InlineData("::tui epoch =3", "expected key=value at \"=3\"")]
    [InlineData("::tui epoch n=1 n=2", "\"n\" is given twice")]
    [InlineData("::tui epoch note=\"open", "the value of \"note\" has no closing quote")]
    [InlineData("::tui {broken", "not JSON")]
    public void Broken_markers_say_why(string line, string reason)
    {
        var result = MarkerParser.Parse(line);
        Assert.Null(result.Message);
        Assert.StartsWith(reason, result.Error);
    }
}
