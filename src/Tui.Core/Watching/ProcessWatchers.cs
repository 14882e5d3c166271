using System.Reactive.Concurrency;
using Tui.Core.Config;

namespace Tui.Core.Watching;

/// <summary>
/// Keeps one <see cref="ProcessWatch"/> per process that has a <c>watch</c> table, following config reloads: a watch
/// whose settings (or cwd) did not change keeps running untouched, so a reload loses no pending change.
/// </summary>
public sealed class ProcessWatchers : IDisposable
{
    private readonly IFileWatcher _watcher;
    private readonly IScheduler _clock;
    private readonly IWatchTarget _target;
    private readonly Dictionary<string, (string Key, ProcessWatch Watch)> _watches = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public ProcessWatchers(IFileWatcher watcher, IScheduler clock, IWatchTarget target)
    {
        _watcher = watcher;
        _clock = clock;
        _target = target;
    }

    /// <summary>The processes currently watched, by name.</summary>
    public IReadOnlyCollection<string> Watched
    {
        get { lock (_gate) return [.. _watches.Keys]; }
    }

    public void Apply(TuiConfig config)
    {
        lock (_gate)
        {
            if (_disposed) return;
            var wanted = config.Processes.Where(p => p.Watch is not null && !p.Disabled).ToDictionary(p => p.Name, StringComparer.Ordinal);
            foreach (var (name, (key, watch)) in _watches.ToList())
            {
                if (wanted.TryGetValue(name, out var process) && KeyOf(process) == key) continue;
                watch.Dispose();
                _watches.Remove(name);
            }
            foreach (var process in wanted.Values.Where(p => !_watches.ContainsKey(p.Name)))
            {
                _watches[process.Name] = (KeyOf(process), new ProcessWatch(process, _watcher, _clock, _target));
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var (_, watch) in _watches.Values) watch.Dispose();
            _watches.Clear();
        }
    }

    /// <summary>Everything a watch is made from; ImmutableArray compares by reference, so the key is text.</summary>
    private static string KeyOf(ProcessConfig process)
    {
        var w = process.Watch!;
        return string.Join('\n', [process.Cwd, string.Join('\0', w.Paths), string.Join('\0', w.Ignore), w.Debounce.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
