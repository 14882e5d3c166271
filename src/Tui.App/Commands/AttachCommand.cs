using System.CommandLine;
using Tui.App.Instance;
using Tui.App.Monitor;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Core.Supervision;
using Tui.Terminal.Backend;

namespace Tui.App.Commands;

/// <summary>
/// tui attach -c FILE: the full-screen monitor on an instance that runs elsewhere (a daemon, or another terminal's
/// monitor), through its control socket. Quitting detaches: the processes keep running (tui down stops them).
/// On a server: <c>ssh -t host tui attach -c FILE</c>.
/// </summary>
internal static class AttachCommand
{
    public const int ExitNoTerminal = 2;

    public static Command Build()
    {
        var command = new Command("attach", "Open the monitor on a running instance; quitting leaves its processes running");
        var config = CommonOptions.Config();
        var stop = new Option<bool>("--stop-on-quit") { Description = "Stop every process and the instance when the monitor quits, instead of detaching" };
        command.Options.Add(config);
        command.Options.Add(stop);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(stop),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string configPath, bool stopOnQuit, TextWriter output, TextWriter error) =>
        RunAsync(configPath, stopOnQuit, output, error).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string configPath, bool stopOnQuit, TextWriter output, TextWriter error)
    {
        try
        {
            TtyTerminal.Open();
            // As in tui up: let .NET write its keypad-transmit sequence now, not after the terminal was given back.
            _ = Console.KeyAvailable;
        }
        catch (TerminalUnavailableException e)
        {
            error.WriteLine($"tui attach: {e.Message}; use tui ps, tui logs -f instead");
            return ExitNoTerminal;
        }
        TuiConfig? config = null;
        RemoteSupervisor remote;
        try
        {
            remote = await RemoteSupervisor.ConnectAsync(InstanceServices.SocketPathFor(configPath), path => config = TryLoad(path));
        }
        catch (ControlException)
        {
            error.WriteLine($"tui attach: {InstanceCall.NotRunning(configPath)}");
            return CliExit.NoInstance;
        }
        await using (remote)
        {
            using var gone = new CancellationTokenSource();
            _ = remote.Disconnected.ContinueWith(_ => gone.Cancel(), TaskScheduler.Default);
            try
            {
                var options = (config is null ? MonitorOptions.Default : MonitorOptions.From(config)) with { QuitDetaches = !stopOnQuit };
                await MonitorRunner.RunAsync(remote, options, gone.Token);
            }
            catch (TerminalUnavailableException e)
            {
                error.WriteLine($"tui attach: {e.Message}; use tui ps, tui logs -f instead");
                return ExitNoTerminal;
            }
            if (remote.Disconnected.IsCompleted)
            {
                error.WriteLine($"tui attach: the instance went away ({remote.Disconnected.Result})");
                return CliExit.NoInstance;
            }
            if (stopOnQuit)
            {
                var result = await remote.ShutdownInstanceAsync();
                if (!result.Ok)
                {
                    error.WriteLine($"tui attach: {result.Error}");
                    return CliExit.Failed;
                }
                await remote.Disconnected;
                output.WriteLine("stopped every process and the instance");
                return CliExit.Ok;
            }
            var alive = remote.Current.Count(p => p.State.IsAlive());
            output.WriteLine($"detached: {alive} process{(alive == 1 ? "" : "es")} still running (tui down -c {configPath} stops them)");
            return CliExit.Ok;
        }
    }

    /// <summary>The instance's config for full process settings and key bindings; when it no longer loads, the socket's stand-ins do.</summary>
    private static TuiConfig? TryLoad(string path)
    {
        try
        {
            return ConfigLoader.Load(path);
        }
        catch (ConfigException)
        {
            return null;
        }
    }
}
