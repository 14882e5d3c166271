using Tui.Core.Stats.Native;

namespace Tui.Core.Stats;

/// <summary>
/// Finds a tree's members through /proc/&lt;pid&gt;/task/&lt;tid&gt;/children (Linux with CONFIG_PROC_CHILDREN, the
/// distribution default): the cost of a round grows with the members of the sampled trees only, not with every process
/// on the machine as a full /proc scan does. Each member costs one stat read and one children read per thread.
/// </summary>
internal sealed class ChildrenFileWalker : IProcessTreeFinder
{
    /// <summary>A stat line is about 300 bytes; a command name is at most 64 bytes, so this always holds one.</summary>
    private const int StatBufferBytes = 1024;

    /// <summary>Room for about 500 child pids of one thread; the buffer doubles when a thread has more.</summary>
    private const int InitialChildrenBufferBytes = 4 * 1024;

    /// <summary>
    /// A walk never visits more members than this. A consistent tree has no cycles, but /proc is read piece by piece
    /// while pids are reused; this keeps a freak reading from looping. Far above any tree a person supervises.
    /// </summary>
    private const int MaxTreeProcesses = 65_536;

    private readonly byte[] _stat = new byte[StatBufferBytes];
    private byte[] _children = new byte[InitialChildrenBufferBytes];
    private int[] _tids = new int[16];
    private readonly Stack<int> _pending = new();

    /// <summary>Whether this kernel has the children files (checked on our own main thread).</summary>
    public static bool IsSupported
    {
        get
        {
            Span<byte> probe = stackalloc byte[64];
            return ProcFs.ReadTaskChildren(Environment.ProcessId, Environment.ProcessId, probe) >= 0;
        }
    }

    public void BeginRound() { }

    public bool VisitTree<TVisitor>(int rootPid, ref TVisitor visitor) where TVisitor : struct, ITreeVisitor
    {
        if (!TryReadStat(rootPid, out var root) || root.IsDead) return false;
        _pending.Clear();
        var member = root;
        for (var visited = 0; visited < MaxTreeProcesses; visited++)
        {
            visitor.Visit(in member);
            if (!member.IsDead) PushChildren(member);

            // The next member that still exists; one that exited since its parent listed it is simply not there.
            do
            {
                if (!_pending.TryPop(out var pid)) return true;
                if (TryReadStat(pid, out member)) break;
            }
            while (true);
        }
        return true;
    }

    private bool TryReadStat(int pid, out ProcStatFields fields)
    {
        var length = ProcFs.ReadPidFile(pid, "stat"u8, _stat);
        fields = default;
        return length > 0 && ProcStatFields.TryParse(_stat.AsSpan(0, length), out fields);
    }

    private void PushChildren(in ProcStatFields process)
    {
        if (process.Threads <= 1)
        {
            // One thread: its id is the pid, no need to list the task directory.
            PushChildrenOf(process.Pid, process.Pid);
            return;
        }
        var count = ProcFs.ListTasks(process.Pid, _tids);
        if (count > _tids.Length)
        {
            _tids = new int[count * 2];
            count = ProcFs.ListTasks(process.Pid, _tids);
        }
        for (var i = 0; i < Math.Min(count, _tids.Length); i++) PushChildrenOf(process.Pid, _tids[i]);
    }

    private void PushChildrenOf(int pid, int tid)
    {
        var length = ProcFs.ReadTaskChildren(pid, tid, _children);
        while (length == _children.Length)
        {
            _children = new byte[_children.Length * 2];
            length = ProcFs.ReadTaskChildren(pid, tid, _children);
        }
        if (length <= 0) return;

        // "123 456 789 ": decimal pids, each followed by a space.
        var child = 0;
        foreach (var b in _children.AsSpan(0, length))
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                child = child * 10 + (b - '0');
            }
            else if (child > 0)
            {
                _pending.Push(child);
                child = 0;
            }
        }
        if (child > 0) _pending.Push(child);
    }
}
