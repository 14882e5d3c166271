using System.Collections.Immutable;

namespace Tui.Core.Config;

/// <summary>
/// Who depends on whom. Gives a start order (every process after what it depends on; otherwise file order),
/// the stop order (its reverse), direct and transitive neighbours, and the first cycle, if any.
/// Edges to names that are not nodes are ignored: the loader reports those separately.
/// </summary>
public sealed class DependencyGraph
{
    private readonly ImmutableArray<string> _names;
    private readonly Dictionary<string, int> _index;
    private readonly List<int>[] _dependencies;
    private readonly List<int>[] _dependents;
    private ImmutableArray<string>? _startOrder;

    /// <param name="nodes">Each name with the names it depends on, in file order (the order breaks ties).</param>
    public DependencyGraph(IEnumerable<(string Name, IEnumerable<string> DependsOn)> nodes)
    {
        var list = nodes.Select(n => (n.Name, DependsOn: n.DependsOn.ToList())).ToList();
        _names = [.. list.Select(n => n.Name)];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++) _index.TryAdd(list[i].Name, i);
        _dependencies = [.. list.Select(_ => new List<int>())];
        _dependents = [.. list.Select(_ => new List<int>())];
        for (var i = 0; i < list.Count; i++)
        {
            foreach (var dependency in list[i].DependsOn)
            {
                if (!_index.TryGetValue(dependency, out var d) || _dependencies[i].Contains(d)) continue;
                _dependencies[i].Add(d);
                _dependents[d].Add(i);
            }
        }
        Cycle = FindCycle();
    }

    /// <summary>The graph of a config's processes (after replica expansion).</summary>
    public static DependencyGraph Of(IEnumerable<ProcessConfig> processes) =>
        new(processes.Select(p => (p.Name, p.DependsOn.Select(d => d.Name))));

    public ImmutableArray<string> Names => _names;

    /// <summary>The first cycle found, as a closed path ("api", "db", "api"); empty when there is none.</summary>
    public ImmutableArray<string> Cycle { get; }

    /// <summary>Dependencies before dependents; among independent processes, file order.</summary>
    /// <exception cref="InvalidOperationException">The graph has a cycle (a loaded config never does).</exception>
    public ImmutableArray<string> StartOrder => _startOrder ??= ComputeStartOrder();

    /// <summary>Dependents before their dependencies: the reverse of <see cref="StartOrder"/>.</summary>
    public ImmutableArray<string> StopOrder => [.. StartOrder.Reverse()];

    public ImmutableArray<string> DependenciesOf(string name) => Neighbours(name, _dependencies);

    public ImmutableArray<string> DependentsOf(string name) => Neighbours(name, _dependents);

    /// <summary>Everything <paramref name="name"/> needs, directly or not, in start order (without itself).</summary>
    public ImmutableArray<string> AllDependenciesOf(string name) => Reachable(name, _dependencies);

    /// <summary>Everything that needs <paramref name="name"/>, directly or not, in start order (without itself).</summary>
    public ImmutableArray<string> AllDependentsOf(string name) => Reachable(name, _dependents);

    private ImmutableArray<string> Neighbours(string name, List<int>[] edges) =>
        _index.TryGetValue(name, out var i) ? [.. edges[i].Select(n => _names[n])] : [];

    private ImmutableArray<string> Reachable(string name, List<int>[] edges)
    {
        if (!_index.TryGetValue(name, out var start)) return [];
        var seen = new HashSet<int> { start };
        var pending = new Stack<int>([start]);
        while (pending.TryPop(out var node))
        {
            foreach (var next in edges[node])
            {
                if (seen.Add(next)) pending.Push(next);
            }
        }
        seen.Remove(start);
        return [.. StartOrder.Where(n => seen.Contains(_index[n]))];
    }

    /// <summary>Kahn's algorithm, always taking the earliest ready node, so the order is stable and readable.</summary>
    private ImmutableArray<string> ComputeStartOrder()
    {
        if (!Cycle.IsEmpty)
            throw new InvalidOperationException($"dependency cycle: {string.Join(" -> ", Cycle)}");
        var waitingOn = _dependencies.Select(d => d.Count).ToArray();
        var ready = new SortedSet<int>(Enumerable.Range(0, _names.Length).Where(i => waitingOn[i] == 0));
        var order = ImmutableArray.CreateBuilder<string>(_names.Length);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(_names[next]);
            foreach (var dependent in _dependents[next])
            {
                if (--waitingOn[dependent] == 0) ready.Add(dependent);
            }
        }
        return order.MoveToImmutable();
    }

    /// <summary>Depth-first search in file order; a back edge closes a cycle, read off the current path.</summary>
    private ImmutableArray<string> FindCycle()
    {
        var state = new byte[_names.Length]; // 0 unvisited, 1 on the current path, 2 done
        var path = new List<int>();
        for (var root = 0; root < _names.Length; root++)
        {
            if (state[root] == 0 && Visit(root) is { } cycle) return cycle;
        }
        return [];

        ImmutableArray<string>? Visit(int node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in _dependencies[node])
            {
                if (state[next] == 1)
                {
                    var from = path.IndexOf(next);
                    return [.. path.Skip(from).Append(next).Select(i => _names[i])];
                }
                if (state[next] == 0 && Visit(next) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }
}
