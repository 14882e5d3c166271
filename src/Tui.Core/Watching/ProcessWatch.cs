using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.Core.Config;
using Tui.Core.Supervision;

namespace Tui.Core.Watching;

/// <summary>
/// The watch of one process: its roots through the <see cref="IFileWatcher"/>, each change filtered by its
/// <see cref="WatchRules"/>, bursts coalesced by a <see cref="ChangeBatcher"/> over <c>watch.debounce</c>, and each batch
/// handed to the <see cref="IWatchTarget"/>.
/// </summary>
public sealed class ProcessWatch : IDisposable
{
    /// <summary>Shown as the changed path when the kernel dropped the names (event queue overflow).</summary>
    public const string UnknownChanges = "(too many changes to list)";

    private readonly string _process;
    private readonly WatchRules _rules;
    private readonly ChangeBatcher _batcher;
    private readonly IWatchTarget _target;
    private readonly CompositeDisposable _subscriptions = [];

    public ProcessWatch(ProcessConfig process, IFileWatcher watcher, IScheduler clock, IWatchTarget target)
    {
        var watch = process.Watch ?? throw new ArgumentException($"{process.Name} has no watch", nameof(process));
        _process = process.Name;
        _target = target;
        _rules = new WatchRules(watch, process.Cwd);
        _batcher = new ChangeBatcher(watch.Debounce, clock, batch => target.FilesChanged(_process, batch));
        foreach (var root in _rules.Roots) _subscriptions.Add(watcher.Watch(root).Subscribe(OnEvent));
    }

    public IReadOnlyList<WatchRoot> Roots => _rules.Roots;

    public void Dispose()
    {
        _subscriptions.Dispose();
        _batcher.Dispose();
    }

    private void OnEvent(WatchEvent e)
    {
        switch (e)
        {
            case FileChanged changed when _rules.Match(changed.FullPath) is { } path:
                _batcher.Add(path);
                break;
            case WatchTrouble trouble:
                _target.WatchNotice(_process, NoticeLevel.Warning, trouble.Message);
                // Which files changed is unknown, so one of them may be watched: restarting is the safe side.
                if (trouble.ChangesLost) _batcher.Add(UnknownChanges);
                break;
        }
    }
}
