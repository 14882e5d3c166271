using System.Collections.Immutable;
using System.Reactive.Concurrency;
using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.App.Views;
using Tui.Core.Logs;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;
using Tui.Terminal.Input;
using Tui.Terminal.Rendering;

namespace Tui.App.Monitor;

/// <summary>
/// The monitor's loop (bubbletea's, with Rx as glue): input, resize, the engine's snapshots, events, log lines and
/// stats, and a once-a-second tick all become <see cref="Msg"/>s handled one at a time on the UI scheduler by the
/// pure <see cref="Reducer"/>; effects run outside it and come back as messages. A frame is requested only when the
/// state changed, and the <see cref="FrameScheduler"/> draws at most one per frame interval, so bursts coalesce and an
/// idle screen draws only what the clock changes. Nothing here blocks on the engine: commands are awaited off the loop.
/// </summary>
public sealed class MonitorLoop : IDisposable
{
    private readonly ISupervisorClient _engine;
    private readonly MonitorHost _host;
    private readonly IScheduler _ui;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ThemeCatalog _themes;
    private readonly FrameScheduler _frames;
    private readonly Coalescer<LogLine> _logs;
    private readonly Coalescer<ProcessStats> _stats;
    private readonly Coalescer<SupervisorEvent> _events;
    private readonly Coalescer<ImmutableArray<ProcessSnapshot>> _snapshots;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _tick;
    private CellBuffer? _frame;
    private AppState _state;

    public MonitorLoop(ISupervisorClient engine, MonitorOptions options, ThemeCatalog themes, MonitorHost host)
    {
        _engine = engine;
        _host = host;
        _ui = host.Ui;
        _clock = host.Clock;
        _themes = themes;
        _frames = new FrameScheduler(_ui, Draw);
        _logs = new Coalescer<LogLine>(_ui, MonitorOptions.CoalesceInterval, lines => Dispatch(new Msg.Logs(lines)));
        _stats = new Coalescer<ProcessStats>(_ui, MonitorOptions.CoalesceInterval, samples => Dispatch(new Msg.Stats(samples)));
        _events = new Coalescer<SupervisorEvent>(_ui, MonitorOptions.CoalesceInterval, items => Dispatch(new Msg.Events(items)));
        // Snapshots are whole states: of a burst only the newest matters.
        _snapshots = new Coalescer<ImmutableArray<ProcessSnapshot>>(_ui, MonitorOptions.CoalesceInterval, all => Dispatch(new Msg.Snapshots(all[^1])));

        var keys = KeyMap.Create(options.Keys);
        var theme = themes.Load(options.Theme);
        var (width, height) = host.Size();
        var processes = engine.Current;
        _state = Reducer.Normalize(new AppState
        {
            ConfigPath = engine.ConfigPath,
            Keys = keys,
            ConfiguredKeys = options.Keys,
            ConfiguredTheme = options.Theme,
            Theme = theme.Theme,
            ThemeNames = themes.Names(),
            Processes = processes,
            LogCapacity = options.LogCapacity,
            QuitDetaches = options.QuitDetaches,
            LogCounts = processes.ToImmutableDictionary(p => p.Name, p => (long)engine.RecentLogs(p.Name, options.LogCapacity).Count),
            Now = _clock(),
            Width = width,
            Height = height,
        });
        foreach (var problem in keys.Problems) _state = Reducer.Notify(_state, NotificationLevel.Warning, problem);
        if (theme.Problem is { } themeProblem) _state = Reducer.Notify(_state, NotificationLevel.Warning, themeProblem);
    }

    /// <summary>The current state (read it on the UI scheduler, or after the loop stopped).</summary>
    public AppState State => _state;

    /// <summary>Completes with the exit code once the user quit (or a quit was requested); faults if the loop failed.</summary>
    public Task<int> Completion => _done.Task;

    /// <summary>Completes once the first frame went to the terminal.</summary>
    public Task FirstFrame => _firstFrame.Task;

    /// <summary>Frames drawn so far.</summary>
    public int FramesDrawn => _frames.FramesDrawn;

    /// <summary>Subscribes to the engine, draws the first frame and starts the clock.</summary>
    public void Start()
    {
        _subscriptions.Add(_engine.Snapshots.Subscribe(_snapshots.Add));
        _subscriptions.Add(_engine.Events.Subscribe(_events.Add));
        _subscriptions.Add(_engine.Logs.Subscribe(_logs.Add));
        _subscriptions.Add(_engine.Stats.Subscribe(_stats.Add));
        _subscriptions.Add(_engine.Configs.Subscribe(config => Post(new Msg.Config(config))));
        _ui.Schedule(() =>
        {
            _frames.RequestFrame();
            ScheduleTick();
        });
    }

    /// <summary>Hands a message to the loop from any thread.</summary>
    public void Post(Msg msg) => _ui.Schedule(() => Dispatch(msg));

    /// <summary>Input from the terminal, from its reading thread.</summary>
    public void PostInput(InputEvent input) => _ui.Schedule(() =>
    {
        foreach (var msg in InputTranslator.Translate(input, _state.Overlay is Overlay.Prompt, _state.Overlay is Overlay.Input)) Dispatch(msg);
    });

    /// <summary>Ends the loop with an error that happened outside it (on its scheduler); the runner rethrows it once the terminal is restored.</summary>
    public void Fail(Exception error) => _done.TrySetException(error);

    /// <summary>Ends the loop as if the user had confirmed quitting (a termination signal, the terminal's input ending).</summary>
    public void RequestQuit() => _ui.Schedule(() => _done.TrySetResult(0));

    private void Dispatch(Msg msg)
    {
        if (_done.Task.IsCompleted) return;
        try
        {
            var (next, effect) = Reducer.Update(_state, msg);
            if (!ReferenceEquals(next, _state))
            {
                _state = next;
                _frames.RequestFrame();
            }
            if (effect is not null) Run(effect);
        }
        catch (Exception e)
        {
            _done.TrySetException(e);
        }
    }

    private void Run(Effect effect)
    {
        switch (effect)
        {
            case Effect.Quit:
                _done.TrySetResult(0);
                break;
            case Effect.Command command:
                RunCommand(command);
                break;
            case Effect.Reload:
                Completed(_engine.ReloadAsync(), result => new Msg.ReloadDone(result));
                break;
            case Effect.SendInput send:
                Completed(_engine.SendInputAsync(send.Process, send.Text), result => new Msg.InputSent(send.Process, result));
                break;
            case Effect.LoadTheme load:
                OffLoop(() => new Msg.ThemeLoaded(_themes.Load(load.Name), _themes.Names()));
                break;
            case Effect.FindMatch find:
                // On the loop, like drawing (it reads the same rings): n pressed twice must start from the first answer.
                Dispatch(FindMatch(_state, find));
                break;
        }
    }

    private void OffLoop(Func<Msg> work) =>
        _host.OffLoop(work).ContinueWith(
            t => Post(t.IsCompletedSuccessfully ? t.Result : new Msg.Notify(NotificationLevel.Error, t.Exception?.GetBaseException().Message ?? "cancelled")),
            TaskContinuationOptions.ExecuteSynchronously);

    private void RunCommand(Effect.Command command)
    {
        Task<CommandResult> task;
        try
        {
            task = command.Verb switch
            {
                CommandVerb.Start => _engine.StartAsync(command.Target),
                CommandVerb.Stop => _engine.StopAsync(command.Target),
                CommandVerb.Restart => _engine.RestartAsync(command.Target),
                CommandVerb.Pause => _engine.PauseAsync(command.Target),
                _ => _engine.ResumeAsync(command.Target),
            };
        }
        catch (Exception e)
        {
            task = Task.FromResult(CommandResult.Fail(e.Message));
        }
        Completed(task, result => new Msg.CommandDone(command.Verb, command.Target, result));
    }

    /// <summary>Posts <paramref name="message"/> of the command's result when it ends; a fault becomes a failed result.</summary>
    private void Completed(Task<CommandResult> task, Func<CommandResult, Msg> message) =>
        task.ContinueWith(t => Post(message(
            t.IsCompletedSuccessfully ? t.Result : CommandResult.Fail(t.Exception?.GetBaseException().Message ?? "cancelled"))),
            TaskContinuationOptions.ExecuteSynchronously);

    private Msg FindMatch(AppState state, Effect.FindMatch find)
    {
        int processes = Math.Max(1, LogReader.Processes(state, find.Source).Count);
        var lines = LogReader.Read(_engine, state, find.Source, find.Filter, state.LogCapacity * processes);
        var found = LogSearch.Find(lines, find.Query, find.From, find.Offset, find.Direction);
        return new Msg.MatchFound(found?.Line, found?.Offset ?? 0, find.Query);
    }

    private void ScheduleTick()
    {
        var now = _clock();
        // On the second boundary, so the clock in the header turns when the wall clock does.
        var next = TimeSpan.FromTicks(TimeSpan.TicksPerSecond - now.Ticks % TimeSpan.TicksPerSecond);
        _tick = _ui.Schedule(next, () =>
        {
            Dispatch(new Msg.Tick(_clock()));
            ScheduleTick();
        });
    }

    private void Draw()
    {
        if (_done.Task.IsCompleted) return;
        try
        {
            var (width, height) = _host.Size();
            if (width != _state.Width || height != _state.Height) _state = Reducer.Update(_state, new Msg.Resize(width, height)).State;
            if (_frame is null || _frame.Width != width || _frame.Height != height) _frame = new CellBuffer(width, height);
            ShellView.Render(_state, _engine, _frame);
            _host.Present(_frame);
            _firstFrame.TrySetResult();
        }
        catch (Exception e)
        {
            _done.TrySetException(e);
        }
    }

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
        _subscriptions.Clear();
        _tick?.Dispose();
        _frames.Dispose();
        _logs.Dispose();
        _stats.Dispose();
        _events.Dispose();
        _snapshots.Dispose();
    }
}
