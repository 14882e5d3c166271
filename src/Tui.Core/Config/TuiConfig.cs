using System.Collections.Immutable;

namespace Tui.Core.Config;

/// <summary>
/// A validated configuration: what the loader makes from a TOML file, and all the supervisor needs.
/// Immutable; a reload produces a new one and the engine applies the difference.
/// </summary>
/// <param name="SourcePath">The config file as the user named it (used in messages).</param>
/// <param name="Processes">Every process after replica expansion (api-1, api-2, ...), in file order.</param>
/// <param name="Keys">The [keys] table: action name to key binding text, checked only for shape here.</param>
/// <param name="WatchedFiles">Files whose change means "reload the config": the file itself and its env files.</param>
public sealed record TuiConfig(
    string SourcePath,
    Settings Settings,
    ImmutableDictionary<string, string> Env,
    ImmutableArray<ProcessConfig> Processes,
    ImmutableDictionary<string, string> Keys,
    ImmutableArray<string> WatchedFiles)
{
    public ProcessConfig? Find(string name) => Processes.FirstOrDefault(p => p.Name == name);
}
