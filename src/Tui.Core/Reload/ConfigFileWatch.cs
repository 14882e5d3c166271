using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.Core.Config;
using Tui.Core.Watching;

namespace Tui.Core.Reload;

/// <summary>
/// Reloads the config when it or one of its env files (<see cref="TuiConfig.WatchedFiles"/>) changes. Watches their
/// folders without recursion and follows the set of files across reloads (an env file added by an edit is watched
/// from then on). An editor's save (write, rename, delete) is one reload: changes are coalesced over
/// <see cref="Debounce"/>.
/// </summary>
public sealed class ConfigFileWatch : IDisposable
{
    /// <summary>Long enough to span an editor's save sequence, short enough to feel immediate.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly IFileWatcher _watcher;
    private readonly ConfigReloader _reloader;
    private readonly Action<ReloadResult>? _onReload;
    private readonly ChangeBatcher _batcher;
    private readonly SerialDisposable _subscriptions = new();
    private readonly Lock _gate = new();
    private HashSet<string> _files = [];
    private bool _disposed;

    /// <param name="onReload">Told the outcome of each reload this watch started (the engine reports errors itself).</param>
    public ConfigFileWatch(TuiConfig config, IFileWatcher watcher, IScheduler clock, ConfigReloader reloader, Action<ReloadResult>? onReload = null)
    {
        _watcher = watcher;
        _reloader = reloader;
        _onReload = onReload;
        _batcher = new ChangeBatcher(Debounce, clock, batch => _ = ReloadAsync());
        _reloader.Reloaded += Follow;
        Follow(config);
    }

    /// <summary>The files watched now (full paths).</summary>
    public IReadOnlyCollection<string> Files
    {
        get { lock (_gate) return [.. _files]; }
    }

    public void Dispose()
    {
        _reloader.Reloaded -= Follow;
        lock (_gate) _disposed = true;
        _subscriptions.Dispose();
        _batcher.Dispose();
    }

    private void Follow(TuiConfig config)
    {
        var files = config.WatchedFiles.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_disposed || files.SetEquals(_files)) return;
            _files = files;
        }
        var folders = files.Select(f => Path.GetDirectoryName(f) ?? "/").Distinct(StringComparer.Ordinal);
        var subscriptions = new CompositeDisposable();
        foreach (var folder in folders)
        {
            subscriptions.Add(_watcher.Watch(new WatchRoot(folder, Recursive: false)).Subscribe(OnEvent));
        }
        _subscriptions.Disposable = subscriptions;
    }

    private void OnEvent(WatchEvent e)
    {
        if (e is not FileChanged changed) return;
        bool watched;
        lock (_gate) watched = _files.Contains(changed.FullPath);
        if (watched) _batcher.Add(changed.FullPath);
    }

    private async Task ReloadAsync()
    {
        ReloadResult result;
        try
        {
            result = await _reloader.ReloadAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is ObjectDisposedException or InvalidOperationException)
        {
            // The engine went away while the file changed (shutdown): nothing left to reload.
            result = new ReloadResult(null, error.Message);
        }
        _onReload?.Invoke(result);
    }
}
