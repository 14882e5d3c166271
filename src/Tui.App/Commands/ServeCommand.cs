using System.CommandLine;
using Tui.App.Headless;
using Tui.App.Instance;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Http;
using Tui.Http.Hosting;
using Tui.Storage;

namespace Tui.App.Commands;

/// <summary>
/// tui serve -c FILE [--listen ADDR]: the HTTP API of a configuration. As with process-compose, whose API comes with the
/// running project, the API serves the instance that runs FILE: when one runs (a daemon, a monitor), tui serve attaches to
/// it through its control socket and its processes keep running when serve stops; when none runs, tui serve starts the
/// processes itself, without a screen (as up --headless), and stops them on SIGINT/SIGTERM/SIGHUP.
/// </summary>
internal static class ServeCommand
{
    public static Command Build()
    {
        var command = new Command("serve", "Serve the HTTP API of a configuration (attaching to its running instance, or running it)");
        var config = CommonOptions.Config();
        var listen = new Option<string?>("--listen")
        {
            Description = "unix:PATH, PORT or HOST:PORT (TCP requires the bearer token in the state dir; "
                + "a non-loopback HOST serves other machines). Default: a unix socket beside the control socket",
        };
        command.Options.Add(config);
        command.Options.Add(listen);
        // Synchronous, as up: stopping the children on a signal may take up to shutdown_timeout.
        command.SetAction(parseResult => Run(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(listen),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string configPath, string? listen, TextWriter output, TextWriter error)
    {
        if (listen is not null && !ApiEndpoint.TryParse(listen, out _, out var problem))
        {
            error.WriteLine($"tui serve: --listen: {problem}");
            return CliExit.Usage;
        }
        return RunAsync(configPath, listen, output, error).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string configPath, string? listen, TextWriter output, TextWriter error)
    {
        // Registered first: from here on a signal ends serve in order, whichever way it serves.
        using var signals = new TerminationSignals();
        RemoteSupervisor? remote = null;
        TuiConfig? config = null;
        try
        {
            remote = await RemoteSupervisor.ConnectAsync(InstanceServices.SocketPathFor(configPath), path => config = TryLoad(path));
        }
        catch (ControlException)
        {
            // Nothing runs this config: serve runs it.
        }
        if (remote is null) return RunInstance(configPath, listen, output, error, signals);
        await using (remote)
        {
            // The file as it is now names the history and settings.api.listen; one that no longer loads still has the defaults.
            var settings = config?.Settings ?? Settings.Default;
            var history = config is null ? StatePaths.HistoryDatabase(configPath) : StatePaths.HistoryDatabase(config);
            ApiServer server;
            try
            {
                server = await InstanceApi.StartAsync(configPath, history, remote, InstanceApi.EndpointFor(configPath, settings.Api, listen),
                    p => error.WriteLine($"tui serve: {p}"));
            }
            catch (ApiException e)
            {
                error.WriteLine($"tui serve: {e.Message}");
                return CliExit.Failed;
            }
            await using (server)
            {
                output.WriteLine($"tui serve: {InstanceApi.Describe(server, configPath)}, for the running instance of {configPath}");
                output.Flush();
                var ended = await Task.WhenAny(signals.Received, remote.Disconnected);
                if (ended == remote.Disconnected)
                {
                    error.WriteLine($"tui serve: the instance went away ({remote.Disconnected.Result})");
                    return CliExit.NoInstance;
                }
                return CliExit.Ok;
            }
        }
    }

    /// <summary>No instance runs: this one does, without a screen, with the API on (where --listen or the config says).</summary>
    private static int RunInstance(string configPath, string? listen, TextWriter output, TextWriter error, TerminationSignals signals)
    {
        TuiConfig config;
        try
        {
            config = ConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            error.WriteLine(e.Message);
            return UpCommand.ExitConfigError;
        }
        config = config with { Settings = config.Settings with { Api = new ApiSettings(true, listen ?? config.Settings.Api.Listen) } };
        var supervisor = InstanceEngine.Create(config, alwaysSampleStats: true);
        var writer = TextWriter.Synchronized(output);
        using var printing = supervisor.Events.Subscribe(e =>
        {
            if (HeadlessFormat.Line(e, TimeZoneInfo.Local) is { } line) writer.WriteLine(line);
        });
        // Serving is the point of tui serve: without the API (its address taken) no process is started for nothing.
        return ScreenlessInstance.RunAsync(config, supervisor, "headless", writer, signals, services => services.ServesApi)
            .GetAwaiter().GetResult();
    }

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
