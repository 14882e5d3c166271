using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace Tui.Http.Events;

/// <summary>
/// One SSE client's queue. Writers (the engine's event callbacks) never wait: when the queue is full the client is cut
/// off (<see cref="CutOff"/> fires, and the route aborts the connection), so a client that stopped reading costs a
/// bounded amount of memory and the engine nothing.
/// </summary>
internal sealed class SseSubscriber : IDisposable
{
    private readonly Channel<SseItem<string>> _queue;
    private readonly CancellationTokenSource _cutOff = new();
    private readonly Action<SseSubscriber>? _onDispose;

    public SseSubscriber(int capacity, Action<SseSubscriber>? onDispose = null)
    {
        _queue = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // only TryWrite is used: "full" is seen, never waited on
        });
        _onDispose = onDispose;
    }

    /// <summary>Cancelled when the client fell behind by a whole queue.</summary>
    public CancellationToken CutOff => _cutOff.Token;

    public bool IsCutOff => _cutOff.IsCancellationRequested;

    /// <summary>Queues <paramref name="item"/>; a full queue cuts the client off instead.</summary>
    public void Offer(SseItem<string> item)
    {
        if (_queue.Writer.TryWrite(item) || IsCutOff) return;
        _queue.Writer.TryComplete();
        _cutOff.Cancel();
    }

    /// <summary>The next queued item without waiting, for a reader that polls (tests).</summary>
    public bool TryTake(out SseItem<string> item) => _queue.Reader.TryRead(out item);

    /// <summary>No more items: the stream ends once the queued ones are read.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>The items as they come, until the client goes (<paramref name="cancellation"/>) or is cut off.</summary>
    public async IAsyncEnumerable<SseItem<string>> ReadAllAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _cutOff.Token);
        var reader = _queue.Reader;
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(either.Token).ConfigureAwait(false)) yield break;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            while (!IsCutOff && reader.TryRead(out var item)) yield return item;
            if (IsCutOff) yield break;
        }
    }

    public void Dispose()
    {
        _onDispose?.Invoke(this);
        // The token source is not disposed: a late callback may still Offer, and cancelling it must stay safe.
        _queue.Writer.TryComplete();
    }
}
