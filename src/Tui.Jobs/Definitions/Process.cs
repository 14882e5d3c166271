namespace Tui.Jobs;

/// <summary>The entry point for describing a process: <c>Process.Define("backtest").WithCommand("npm", "run", "backtest")</c>.</summary>
public static class Process
{
    /// <summary>Starts a definition named <paramref name="name"/> (unique among the manager's processes; no spaces, no leading @).</summary>
    public static ProcessDefinition Define(string name) => new(new DefinitionState(name));
}
