using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.Core.Config;
using Tui.Core.Config.Values;
using Tui.Core.Health;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Core.Limits;

/// <summary>
/// The limits of one run. Memory and CPU are the averages of the process tree's stats samples over the limits'
/// window; the runtime is a timer on the injected scheduler from the run's start. A limit that acts (restart, stop)
/// does so once per run; one that only warns warns again only after the process came back under it.
/// Samples and the timer post to the run's <see cref="SerialWork"/>; every member runs there.
/// </summary>
internal sealed class LimitWatch : IDisposable
{
    private readonly LimitsConfig _limits;
    private readonly string _process;
    private readonly DateTimeOffset _runStart;
    private readonly IScheduler _clock;
    private readonly SerialWork _work;
    private readonly Action<RunReport> _emit;
    private readonly SampleWindow _window;
    private readonly CompositeDisposable _subscriptions = new();
    private readonly HashSet<string> _warned = [];
    private bool _acted;

    public LimitWatch(string process, LimitsConfig limits, DateTimeOffset runStart, IScheduler clock, SerialWork work, Action<RunReport> emit)
    {
        _process = process;
        _limits = limits;
        _runStart = runStart;
        _clock = clock;
        _work = work;
        _emit = emit;
        _window = new SampleWindow(limits.Window, runStart);
    }

    public void Start(IObservable<ProcessStats> stats)
    {
        if (_limits.MaxMemoryBytes is not null || _limits.MaxCpuPercent is not null)
            _subscriptions.Add(stats.Subscribe(sample => _work.Post(() => OnSample(sample))));
        if (_limits.MaxRuntime is { } max)
        {
            var due = _runStart + max;
            _subscriptions.Add(_clock.Schedule(due, () => _work.Post(OnRuntime)));
        }
    }

    public void Dispose()
    {
        _acted = true;
        _subscriptions.Dispose();
    }

    private void OnSample(ProcessStats sample)
    {
        if (_acted) return;
        _window.Add(sample);
        if (!_window.Full(sample.At)) return;

        if (_limits.MaxMemoryBytes is { } maxMemory)
        {
            var memory = _window.AverageMemory;
            Check("memory", memory > maxMemory, $"memory {LimitText.Memory(memory)} > {LimitText.Memory(maxMemory)}", _limits.OnMemory);
        }
        if (_limits.MaxCpuPercent is { } maxCpu && !_acted)
        {
            var cpu = _window.AverageCpu;
            Check("cpu", cpu > maxCpu, $"cpu {LimitText.Cpu(cpu)} > {LimitText.Cpu(maxCpu)} over {Duration.Format(_limits.Window)}", _limits.OnCpu);
        }
    }

    private void OnRuntime()
    {
        if (_acted) return;
        Check("runtime", true, $"runtime over {Duration.Format(_limits.MaxRuntime!.Value)}", _limits.OnRuntime);
    }

    private void Check(string limit, bool exceeded, string reason, LimitAction action)
    {
        if (!exceeded)
        {
            _warned.Remove(limit);
            return;
        }
        if (action == LimitAction.Warn)
        {
            if (!_warned.Add(limit)) return;
            _emit(new RunEventReport(new LimitExceeded(_clock.Now, _process, limit, reason, action)));
            _emit(new RunEventReport(new Notice(_clock.Now, _process, NoticeLevel.Warning, $"over its limit: {reason}")));
            return;
        }
        _acted = true;
        _emit(new RunEventReport(new LimitExceeded(_clock.Now, _process, limit, reason, action)));
        _emit(new RunActionRequest(action == LimitAction.Stop ? RunAction.Stop : RunAction.Restart, reason));
    }
}
