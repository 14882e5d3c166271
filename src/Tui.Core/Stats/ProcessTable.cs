using System.IO.Enumeration;
using Tui.Core.Stats.Native;

namespace Tui.Core.Stats;

/// <summary>
/// A snapshot of every process in /proc with its parent links, taken once per sampling round so that the descendants
/// of any number of roots are found without reading /proc again. Its arrays are reused from round to round.
/// The fallback for kernels without the children files (<see cref="ChildrenFileWalker"/>): its cost grows with every
/// process on the machine. Not thread-safe: <see cref="ProcStatsSource"/> serialises rounds.
/// </summary>
internal sealed class ProcessTable : IProcessTreeFinder
{
    /// <summary>A stat line is about 300 bytes; a command name is at most 64 bytes, so this always holds one.</summary>
    private const int StatBufferBytes = 1024;

    private const int InitialCapacity = 512;

    private readonly byte[] _statBuffer = new byte[StatBufferBytes];
    private readonly Dictionary<int, int> _indexByPid = new(InitialCapacity);
    private ProcStatFields[] _processes = new ProcStatFields[InitialCapacity];
    private int[] _firstChild = new int[InitialCapacity];
    private int[] _nextSibling = new int[InitialCapacity];
    private int _count;

    public void BeginRound() => Scan();

    public bool VisitTree<TVisitor>(int rootPid, ref TVisitor visitor) where TVisitor : struct, ITreeVisitor
    {
        var root = IndexOfLive(rootPid);
        if (root < 0) return false;
        VisitFrom(root, ref visitor);
        return true;
    }

    /// <summary>Reads /proc afresh: every process's stat line and the parent links between them.</summary>
    public void Scan()
    {
        _count = 0;
        _indexByPid.Clear();
        foreach (var pid in EnumeratePids())
        {
            var length = ProcFs.ReadPidFile(pid, "stat"u8, _statBuffer);
            if (length <= 0 || !ProcStatFields.TryParse(_statBuffer.AsSpan(0, length), out var fields)) continue; // gone meanwhile
            if (_count == _processes.Length) Grow();
            _processes[_count] = fields;
            _indexByPid[fields.Pid] = _count;
            _count++;
        }

        Array.Fill(_firstChild, -1, 0, _count);
        Array.Fill(_nextSibling, -1, 0, _count);
        for (var i = _count - 1; i >= 0; i--)
        {
            if (!_indexByPid.TryGetValue(_processes[i].ParentPid, out var parent) || parent == i) continue;
            _nextSibling[i] = _firstChild[parent];
            _firstChild[parent] = i;
        }
    }

    /// <summary>The index of a live (not zombie) process, or -1.</summary>
    private int IndexOfLive(int pid) =>
        _indexByPid.TryGetValue(pid, out var index) && !_processes[index].IsDead ? index : -1;

    /// <summary>Calls <paramref name="visit"/> for the process at index <paramref name="root"/> and every descendant.</summary>
    private void VisitFrom<TVisitor>(int root, ref TVisitor visit) where TVisitor : struct, ITreeVisitor
    {
        // Iterative pre-order walk over first-child / next-sibling links: no recursion depth limit, no allocation.
        // /proc is not read atomically, so a pid reused mid-scan could in theory link a cycle: never visit more
        // processes than there are.
        var node = root;
        for (var visited = 0; visited < _count; visited++)
        {
            visit.Visit(in _processes[node]);
            if (_firstChild[node] >= 0)
            {
                node = _firstChild[node];
                continue;
            }
            while (node != root && _nextSibling[node] < 0) node = _indexByPid[_processes[node].ParentPid];
            if (node == root) return;
            node = _nextSibling[node];
        }
    }

    private void Grow()
    {
        var size = _processes.Length * 2;
        Array.Resize(ref _processes, size);
        Array.Resize(ref _firstChild, size);
        Array.Resize(ref _nextSibling, size);
    }

    private static FileSystemEnumerable<int> EnumeratePids() =>
        new("/proc", (ref FileSystemEntry entry) => ParsePid(entry.FileName), new EnumerationOptions { AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory && ParsePid(entry.FileName) > 0,
        };

    private static int ParsePid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 10) return -1;
        var pid = 0L;
        foreach (var c in name)
        {
            if (!char.IsAsciiDigit(c)) return -1;
            pid = pid * 10 + (c - '0');
        }
        return pid <= int.MaxValue ? (int)pid : -1;
    }
}
