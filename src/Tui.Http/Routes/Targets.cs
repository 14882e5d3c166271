using Tui.Core.Supervision;

namespace Tui.Http.Routes;

/// <summary>Finding what a route names in the engine's current snapshot.</summary>
internal static class Targets
{
    public static ProcessSnapshot? Find(ISupervisorClient engine, string name)
    {
        foreach (var s in engine.Current)
        {
            if (s.Name == name) return s;
        }
        return null;
    }

    /// <summary>Why <paramref name="target"/> names nothing (the wording of the control socket), or null when it names something.</summary>
    public static string? Unknown(ISupervisorClient engine, ProcessTarget target) => target switch
    {
        ProcessTarget.One one when Find(engine, one.Name) is null => $"no process named \"{one.Name}\"",
        ProcessTarget.Group group when !engine.Current.Any(s => s.Group == group.Name) => $"no group named \"{group.Name}\"",
        _ => null,
    };
}
