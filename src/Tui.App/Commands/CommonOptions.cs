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

    /// <summary>A command whose only option is -c: <paramref name="run"/> gets the config path and the invocation's writers.</summary>
    public static Command ConfigOnlyCommand(string name, string description, Func<string, TextWriter, TextWriter, Task<int>> run)
    {
        var command = new Command(name, description);
        var config = Config();
        command.Options.Add(config);
        command.SetAction((parseResult, _) => run(
            parseResult.GetValue(config) ?? DefaultConfigFile,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }
}
