using System.Text;

namespace Tui.Core.Protocol;

/// <summary>
/// Reads an sd_notify datagram: newline-separated assignments, of which Tui understands <c>READY=1</c>,
/// <c>STATUS=...</c>, <c>WATCHDOG=1</c> and <c>STOPPING=1</c>. Others (MAINPID, RELOADING, ERRNO, BARRIER, ...) are
/// ignored, as systemd ignores what it does not know; a datagram with no assignment at all is malformed.
/// </summary>
public static class NotifyParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The messages in order (possibly none), or null when the datagram is not sd_notify at all.</returns>
    public static IReadOnlyList<ChildMessage>? Parse(ReadOnlySpan<byte> datagram)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(datagram);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var messages = new List<ChildMessage>();
        var assignments = 0;
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals <= 0) continue;
            assignments++;
            var value = line[(equals + 1)..];
            switch (line[..equals])
            {
                case "READY" when value == "1":
                    messages.Add(ChildMessage.Ready.Instance);
                    break;
                case "STATUS":
                    messages.Add(new ChildMessage.Status(MessageText.CleanStatus(value)));
                    break;
                case "WATCHDOG" when value == "1":
                    messages.Add(ChildMessage.Heartbeat.Instance);
                    break;
                case "STOPPING" when value == "1":
                    messages.Add(ChildMessage.Stopping.Instance);
                    break;
            }
        }
        return assignments == 0 ? null : messages;
    }
}
