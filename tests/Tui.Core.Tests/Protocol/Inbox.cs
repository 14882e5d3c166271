using System.Threading.Channels;
using Tui.Core.Protocol;

namespace Tui.Core.Tests.Protocol;

/// <summary>What a <see cref="ChildChannel"/> delivered to the run a test attached, to wait on in order.</summary>
internal sealed class Inbox
{
    /// <summary>Long enough for a loaded 2-core machine to start a process and send a line.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Channel<ChildMessage> _messages = Channel.CreateUnbounded<ChildMessage>();
    private readonly List<(DropReason Reason, string Detail)> _drops = [];

    public IDisposable AttachTo(ChildChannel channel, int childGroup) =>
        channel.Attach(childGroup, m => _messages.Writer.TryWrite(m), (reason, detail) => { lock (_drops) _drops.Add((reason, detail)); });

    public IReadOnlyList<(DropReason Reason, string Detail)> Drops
    {
        get { lock (_drops) return [.. _drops]; }
    }

    public async Task<ChildMessage> Next() => await _messages.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public async Task<T> Next<T>() where T : ChildMessage => Assert.IsType<T>(await Next());

    /// <summary>Messages delivered so far and not read yet.</summary>
    public List<ChildMessage> Drain()
    {
        var all = new List<ChildMessage>();
        while (_messages.Reader.TryRead(out var message)) all.Add(message);
        return all;
    }
}
