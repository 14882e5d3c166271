using System.Collections.Immutable;
using System.Globalization;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>
/// Turns the read tables into the final processes: expands replicas (api → api-1..api-N), checks that names do not
/// collide, resolves depends_on (a name with replicas means all of them), refuses cycles, and merges each
/// process's environment.
/// </summary>
internal sealed class ProcessAssembler(
    IReadOnlyList<ProcessDraft> drafts,
    ImmutableDictionary<string, string> globalEnv,
    IReadOnlyDictionary<string, string> parentEnv,
    EnvFileCache envFiles,
    ErrorList errors)
{
    /// <summary>Set in every child: its own process name.</summary>
    public const string ProcessVariable = "TUI_PROCESS";

    /// <summary>Set in every replica's child (only when replicas &gt; 1): its 1-based index.</summary>
    public const string ReplicaVariable = "TUI_REPLICA";

    private readonly Dictionary<string, ProcessDraft> _byBaseName = drafts.ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>Final name → the draft it comes from.</summary>
    private readonly Dictionary<string, (ProcessDraft Draft, int? Replica)> _byName = new(StringComparer.Ordinal);

    /// <summary>Base name → the base names it depends on, for the cycle check.</summary>
    private readonly Dictionary<string, List<string>> _baseEdges = new(StringComparer.Ordinal);

    public ImmutableArray<ProcessConfig> Assemble()
    {
        var expanded = ExpandReplicas();
        var dependencies = ResolveDependencies();
        CheckCycles();

        var processes = ImmutableArray.CreateBuilder<ProcessConfig>(expanded.Count);
        foreach (var (name, draft, replica) in expanded)
        {
            var process = new ProcessConfig(
                Name: name,
                BaseName: draft.Name,
                ReplicaIndex: replica,
                Command: draft.Command,
                Cwd: draft.Cwd,
                Env: MergeEnvironment(draft, name, replica),
                Group: draft.Group,
                Autostart: draft.Autostart,
                Disabled: draft.Disabled,
                Restart: draft.Restart,
                MaxRestarts: draft.MaxRestarts,
                RestartWindow: draft.RestartWindow,
                Backoff: draft.Backoff,
                StopSignal: draft.StopSignal,
                StopTimeout: draft.StopTimeout,
                DependsOn: dependencies[draft.Name],
                Kind: draft.Kind,
                Tty: draft.Tty,
                Watch: draft.Watch,
                Definition: "",
                Position: draft.Position);
            process = draft.Job.ApplyTo(draft.Monitoring.ApplyTo(process) with { Stdin = draft.Stdin });
            processes.Add(process with { Definition = DefinitionText.Of(process) });
        }
        return processes.MoveToImmutable();
    }

    private List<(string Name, ProcessDraft Draft, int? Replica)> ExpandReplicas()
    {
        var expanded = new List<(string, ProcessDraft, int?)>();
        foreach (var draft in drafts)
        {
            foreach (var (name, replica) in FinalNames(draft))
            {
                if (_byName.TryGetValue(name, out var other))
                {
                    errors.Add(draft.NamePosition,
                        $"{Describe(name, draft, replica)} has the same name as {Describe(name, other.Draft, other.Replica)} at line {other.Draft.NamePosition.Line}");
                    continue;
                }
                _byName[name] = (draft, replica);
                expanded.Add((name, draft, replica));
            }
        }
        return expanded;
    }

    private static string Describe(string name, ProcessDraft draft, int? replica) =>
        replica is null ? $"process \"{name}\"" : $"replica \"{name}\" of {draft.Name} (replicas = {draft.Replicas})";

    /// <summary>Each draft's dependencies with names resolved to final names, keyed by base name.</summary>
    private Dictionary<string, ImmutableArray<Dependency>> ResolveDependencies()
    {
        var resolved = new Dictionary<string, ImmutableArray<Dependency>>(StringComparer.Ordinal);
        var known = drafts.Select(d => d.Name).Concat(_byName.Keys).Distinct().ToList();
        foreach (var draft in drafts)
        {
            var list = ImmutableArray.CreateBuilder<Dependency>();
            var edges = _baseEdges[draft.Name] = [];
            foreach (var dependency in draft.DependsOn)
            {
                if (_byBaseName.TryGetValue(dependency.Name, out var target))
                {
                    list.AddRange(FinalNames(target).Select(n => new Dependency(n.Name, dependency.Condition)));
                    edges.Add(target.Name);
                }
                else if (_byName.TryGetValue(dependency.Name, out var replica))
                {
                    list.Add(new Dependency(dependency.Name, dependency.Condition));
                    edges.Add(replica.Draft.Name);
                }
                else
                {
                    errors.Add(dependency.Position,
                        $"depends_on names \"{dependency.Name}\", which is not a process{Spelling.Suggestion(dependency.Name, known)}");
                }
            }
            resolved[draft.Name] = list.ToImmutable();
        }
        return resolved;
    }

    private static IEnumerable<(string Name, int? Replica)> FinalNames(ProcessDraft draft) =>
        draft.Replicas == 1
            ? [(draft.Name, null)]
            : Enumerable.Range(1, draft.Replicas).Select(i => ($"{draft.Name}-{i}", (int?)i));

    /// <summary>Cycles are found between the tables as written, so the message names what the user wrote.</summary>
    private void CheckCycles()
    {
        var graph = new DependencyGraph(drafts.Select(d => (d.Name, (IEnumerable<string>)_baseEdges[d.Name])));
        if (graph.Cycle.IsEmpty) return;

        // Start the story at the member written first, and point at its depends_on.
        var members = graph.Cycle.Take(graph.Cycle.Length - 1).ToList();
        var first = members.MinBy(m => _byBaseName[m].Position.Line)!;
        var rotated = members.SkipWhile(m => m != first).Concat(members.TakeWhile(m => m != first)).Append(first);
        var at = _byBaseName[first].DependsOnPosition ?? _byBaseName[first].Position;
        errors.Add(at, $"dependency cycle: {string.Join(" -> ", rotated)}");
    }

    /// <summary>Global env (already merged) &lt; the process's env files &lt; its env table, then the TUI_* variables.</summary>
    private ImmutableDictionary<string, string> MergeEnvironment(ProcessDraft draft, string name, int? replica)
    {
        var fixedVariables = new Dictionary<string, string>(StringComparer.Ordinal) { [ProcessVariable] = name };
        if (replica is { } index) fixedVariables[ReplicaVariable] = index.ToString(CultureInfo.InvariantCulture);

        var builder = new EnvironmentBuilder(globalEnv, parentEnv, fixedVariables, errors);
        foreach (var path in draft.EnvFiles)
        {
            if (envFiles.Get(path) is { } file) builder.AddFile(file);
        }
        if (draft.Env is { } table) builder.AddTable(table, "env");
        return builder.Values;
    }
}
