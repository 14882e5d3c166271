namespace Tui.Core.Supervision;

/// <summary>
/// Turns a <see cref="ProcessTarget"/> into the processes it names, in config order. A name matches a process, or,
/// failing that, every replica of a replicated process (api → api-1, api-2).
/// </summary>
internal static class TargetResolver
{
    public static bool TryResolve(
        ProcessTarget target, IReadOnlyList<ProcessActor> actors, out IReadOnlyList<ProcessActor> matched, out string? error)
    {
        matched = target switch
        {
            ProcessTarget.One one => actors.Where(a => a.Name == one.Name) is var exact && exact.Any()
                ? exact.ToList()
                : actors.Where(a => a.Config.BaseName == one.Name).ToList(),
            ProcessTarget.Group group => actors.Where(a => a.Config.Group == group.Name).ToList(),
            _ => actors.ToList(),
        };
        error = matched.Count > 0 ? null : target switch
        {
            ProcessTarget.One one => $"no process named '{one.Name}'",
            ProcessTarget.Group group => $"no group named '{group.Name}'",
            _ => "there are no processes",
        };
        return error is null;
    }
}
