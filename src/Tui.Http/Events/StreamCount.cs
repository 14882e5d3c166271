namespace Tui.Http.Events;

/// <summary>How many log-stream clients are connected (the event hub counts its own).</summary>
internal sealed class StreamCount
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Leave() => Interlocked.Decrement(ref _count);
}
