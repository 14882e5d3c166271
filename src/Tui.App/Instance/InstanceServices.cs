using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Control.Server;
using Tui.Core.Supervision;
using Tui.Storage;
using Tui.Storage.Orphans;
using Tui.Storage.Recording;

namespace Tui.App.Instance;

/// <summary>
/// What every running instance (monitor, headless, daemon) has around its engine: the control socket (so tui ps,
/// stop, attach, down reach it), orphan recovery and the live-children file (so a SIGKILLed Tui leaves nothing
/// unknown behind), and the history recorder. Create it after the supervisor and before <c>StartAsync</c>;
/// dispose it after the supervisor's shutdown.
/// </summary>
internal sealed class InstanceServices : IControlHost, IAsyncDisposable
{
    private readonly TaskCompletionSource _shutdownRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ControlServer? _server;
    private LiveChildRegistry? _registry;
    private HistoryRecorder? _recorder;
    private Tui.Http.ApiServer? _api;
    private readonly List<IDisposable> _subscriptions = [];

    private InstanceServices(Supervisor engine, string mode)
    {
        Engine = engine;
        Mode = mode;
    }

    public ISupervisorClient Engine { get; }
    public string Mode { get; }
    public string SocketPath => _server?.SocketPath ?? "";

    /// <summary>Whether the HTTP API is served (asked for by [settings.api] and listening).</summary>
    public bool ServesApi => _api is not null;

    /// <summary>Completes when a client asked for <c>tui down</c>.</summary>
    public Task ShutdownRequested => _shutdownRequested.Task;

    public void RequestShutdown() => _shutdownRequested.TrySetResult();

    /// <summary>The control socket path of a config: the same for the instance and for every command naming it with -c.</summary>
    public static string SocketPathFor(string configPath) => SocketLocation.For(configPath, StatePaths.StateDirectory());

    /// <summary>
    /// Claims the config's control socket (throws <see cref="ControlException"/> when an instance of it already runs),
    /// stops the orphans of an earlier run, then follows the engine's children and records its history.
    /// Problems (history disabled, orphan file unwritable) are written to <paramref name="report"/>, one line each.
    /// </summary>
    /// <param name="problems">Where problems found later go (default: <paramref name="report"/>); the monitor passes none while it owns the screen.</param>
    public static InstanceServices Start(TuiConfig config, Supervisor engine, string mode, TextWriter report, TextWriter? problems = null)
    {
        problems ??= report;
        var services = new InstanceServices(engine, mode);
        // The socket first: if another instance answers, nothing below may touch its children.
        services._server = ControlServer.Start(SocketPathFor(config.SourcePath), services);
        var registryPath = StatePaths.LiveChildren(config.SourcePath);
        Directory.CreateDirectory(Path.GetDirectoryName(registryPath)!);
        OrphanRecovery.Run(registryPath, report);
        services._registry = new LiveChildRegistry(registryPath);
        services._subscriptions.Add(services._registry.Problems.Subscribe(p => problems.WriteLine($"tui: {p}")));
        services._subscriptions.Add(services._registry.Attach(engine.Events));
        services._recorder = new HistoryRecorder(StatePaths.HistoryDatabase(config), DefaultScheduler.Instance);
        services._subscriptions.Add(services._recorder.Problems.Subscribe(p => problems.WriteLine($"tui: {p}")));
        services._recorder.Attach(engine);
        if (config.Settings.Api.Enabled) services.StartApi(config, report, problems);
        return services;
    }

    /// <summary>
    /// [settings.api]: the HTTP API beside the control socket. One that cannot listen (its address taken) is reported and
    /// the instance runs without it: the processes matter more than one way of reaching them.
    /// </summary>
    private void StartApi(TuiConfig config, TextWriter report, TextWriter problems)
    {
        try
        {
            _api = InstanceApi.StartAsync(config.SourcePath, StatePaths.HistoryDatabase(config), Engine,
                    InstanceApi.EndpointFor(config.SourcePath, config.Settings.Api, null), p => problems.WriteLine($"tui: {p}"))
                .GetAwaiter().GetResult();
            report.WriteLine($"tui: serving {InstanceApi.Describe(_api, config.SourcePath)}");
        }
        catch (Tui.Http.Hosting.ApiException e)
        {
            report.WriteLine($"tui: the HTTP API is not served: {e.Message}");
        }
    }

    /// <summary>Every problem found so far and later (history disabled, orphan file unwritable), for a screen to show.</summary>
    public IObservable<string> Problems => _registry!.Problems.Merge(_recorder!.Problems); // both exist once Start returned

    public async ValueTask DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync().ConfigureAwait(false);
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
        _recorder?.Dispose();
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _registry?.Dispose();
    }
}
