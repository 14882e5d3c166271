using System.Collections.Concurrent;

namespace Tui.Core.Logs;

/// <summary>
/// The threads that block on reads of children's output, kept for reuse once their stream has ended. Each run needs
/// two; starting them was 0.3 ms of CPU per thread, which for a pool of short jobs was the largest cost of a spawn
/// (620 ms of 1,000 jobs of <c>true</c>). A thread idle for the idle lifetime ends, so a quiet Tui holds only the
/// threads its live children read with.
/// </summary>
internal sealed class ReaderThreads(TimeSpan idleLifetime)
{
    private readonly TimeSpan _idleLifetime = idleLifetime;

    /// <summary>The readers of every log: idle threads kept for 10 s, long enough to carry a pool of jobs from one to the next.</summary>
    public static ReaderThreads Shared { get; } = new(TimeSpan.FromSeconds(10));

    /// <summary>An idle thread's name (15 characters: what Linux keeps of it), so that leak checks can tell it from a reader still reading.</summary>
    internal const string IdleName = "idle log reader";

    private readonly ConcurrentStack<Worker> _idle = new();

    /// <summary>Threads started so far (for tests: whether a read reused one).</summary>
    public int Started => _started;

    private int _started;

    /// <summary>Runs <paramref name="read"/> (a loop until end of file) on an idle reader thread, or on a new one.</summary>
    /// <exception cref="OutOfMemoryException">No thread could be started.</exception>
    public void Run(Action read, string name)
    {
        while (_idle.TryPop(out var worker))
        {
            if (worker.TryHand(read, name)) return;
        }
        new Worker(this).Start(read, name);
        Interlocked.Increment(ref _started);
    }

    private sealed class Worker(ReaderThreads pool)
    {
        // Monitor.Wait, not a SemaphoreSlim: an idle thread must sleep at once, and SemaphoreSlim spins before it
        // blocks, which with a thread going idle after every short run was more CPU than the reads themselves.
        private readonly object _gate = new();
        private Action? _read;
        private string _name = "";
        private bool _retired;

        public void Start(Action read, string name)
        {
            _read = read;
            _name = name;
            new Thread(Loop) { IsBackground = true, Name = name }.Start();
        }

        /// <summary>False when the thread has just ended for being idle: the caller takes another.</summary>
        public bool TryHand(Action read, string name)
        {
            lock (_gate)
            {
                if (_retired) return false;
                _read = read;
                _name = name;
                Monitor.Pulse(_gate);
                return true;
            }
        }

        private void Loop()
        {
            var first = true;
            while (true)
            {
                Action read;
                string name;
                lock (_gate) (read, name) = (_read!, _name);
                // Shown by ps -T and debuggers: which child's stream it reads.
                if (!first) Thread.CurrentThread.Name = name;
                first = false;
                read(); // the pump's loop reports its own failures through its completion
                Thread.CurrentThread.Name = IdleName;
                lock (_gate)
                {
                    _read = null;
                    pool._idle.Push(this);
                    // Pulses come only while the lock is held, so none is missed between the push and the wait.
                    if (!Monitor.Wait(_gate, pool._idleLifetime) && _read is null)
                    {
                        _retired = true;
                        return;
                    }
                }
            }
        }
    }
}
