using System.Text;
using Tui.Core.Protocol;

namespace Tui.Core.Tests.Protocol;

/// <summary>sd_notify datagrams: the four understood assignments, the ignored ones, and garbage.</summary>
public sealed class NotifyParserTests
{
    private static IReadOnlyList<ChildMessage>? Parse(string text) => NotifyParser.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Ready_status_watchdog_and_stopping_are_understood_in_order()
    {
        var messages = Parse("READY=1\nSTATUS=Processing requests\nWATCHDOG=1\nSTOPPING=1\n");
        Assert.Equal<ChildMessage>(
            [ChildMessage.Ready.Instance, new ChildMessage.Status("Processing requests"), ChildMessage.Heartbeat.Instance, ChildMessage.Stopping.Instance],
            messages!);
    }

    [Fact]
    public void What_Tui_does_not_use_is_ignored_as_systemd_does()
    {
        Assert.Empty(Parse("MAINPID=4242\nRELOADING=1\nBARRIER=1")!);
        Assert.Empty(Parse("READY=0\nWATCHDOG=trigger")!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("=1\n\n")]
    public void A_datagram_without_any_assignment_is_not_sd_notify(string text) => Assert.Null(Parse(text));

    [Fact]
    public void Invalid_utf8_is_not_sd_notify() => Assert.Null(NotifyParser.Parse(new byte[] { 0x52, 0x45, 0xFF, 0x3D, 0x31 }));
}
