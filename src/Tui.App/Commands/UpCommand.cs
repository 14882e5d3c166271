using System.CommandLine;
using Tui.App.Daemon;
using Tui.App.Headless;
using Tui.Core.Config;

namespace Tui.App.Commands;

/// <summary>
/// tui up -c FILE [--headless [--logs]]: loads the config (errors: file:line:col on stderr, exit 1) and runs it,
/// with the full-screen monitor or, with --headless, printing lines instead. With -d it starts a background daemon
/// instead (reached with tui ps, attach, down...), which is this program again with --daemon-child.
/// </summary>
internal static class UpCommand
{
    public const int ExitConfigError = 1;
    public const int ExitNoMonitor = 2;

    public static Command Build()
    {
        var command = new Command("up", "Start the processes of a configuration and supervise them");
        var config = CommonOptions.Config();
        var headless = new Option<bool>("--headless") { Description = "No screen: print a line per state change; stop everything on SIGINT, SIGTERM or SIGHUP" };
        var logs = new Option<bool>("--logs") { Description = "With --headless: also print every log line, prefixed with its process name" };
        command.Options.Add(config);
        command.Options.Add(headless);
        command.Options.Add(logs);
        var detach = new Option<bool>("--detach", "-d") { Description = "Run in the background as a daemon; tui attach, tui ps, tui down reach it" };
        var daemonChild = new Option<bool>(DaemonLauncher.ChildFlag) { Hidden = true, Description = "The daemon itself, as started by -d" };
        command.Options.Add(detach);
        command.Options.Add(daemonChild);
        // A synchronous action on purpose: System.CommandLine gives an asynchronous one only a short grace period after
        // SIGINT/SIGTERM before it ends the process, and stopping the children may take up to shutdown_timeout.
        command.SetAction(parseResult => parseResult.GetValue(detach) || parseResult.GetValue(daemonChild)
            ? RunDaemon(
                parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
                parseResult.GetValue(daemonChild),
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error)
            : Run(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(headless),
            parseResult.GetValue(logs),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, bool headless, bool logs, TextWriter output, TextWriter error) =>
        WithConfig(path, error, config => headless
            ? HeadlessRunner.RunAsync(config, logs, output).GetAwaiter().GetResult()
            : RunMonitor(config, error));

    /// <summary>-d: checks the config here (its errors belong on this terminal), then starts the daemon; --daemon-child: is the daemon.</summary>
    private static int RunDaemon(string path, bool isChild, TextWriter output, TextWriter error) =>
        WithConfig(path, error, config => isChild
            ? DaemonRunner.RunAsync(config, output).GetAwaiter().GetResult()
            : DaemonLauncher.StartAsync(path, output, error).GetAwaiter().GetResult());

    /// <summary>Loads the config and runs <paramref name="run"/> on it; an invalid one is told on stderr (exit 1) and nothing starts.</summary>
    private static int WithConfig(string path, TextWriter error, Func<TuiConfig, int> run)
    {
        TuiConfig config;
        try
        {
            config = ConfigLoader.Load(path);
        }
        catch (ConfigException e)
        {
            error.WriteLine(e.Message);
            return ExitConfigError;
        }
        return run(config);
    }

    /// <summary>The full-screen monitor's entry point: the one place its runner is to be called from.</summary>
    private static int RunMonitor(TuiConfig config, TextWriter error)
    {
        return Monitor.MonitorApp.Run(config, error);
    }
}
