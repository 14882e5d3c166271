using System.CommandLine;

namespace Tui.App.Commands;

/// <summary>Options every command shares.</summary>
internal static class CommonOptions
{
    public const string DefaultConfigFile = "processes.toml";

    /// <summary>-c FILE: names the configuration, and so the running instance a command talks to.</summary>
    public static Option<string> Config() => new("--config", "-c")
    {
        Description = "The configuration file",
        DefaultValueFactory = _ => DefaultConfigFile,
    };
}
