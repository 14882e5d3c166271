using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Tui.Core.Watching;

/// <summary>
/// Watches with <see cref="FileSystemWatcher"/>, which on Linux is inotify: one watch per folder (not per file), so a
/// tree of 1,000 folders and 100,000 files costs 1,000 watches. When a watch cannot be added (the per-user inotify
/// limit, fs.inotify.max_user_watches or max_user_instances) the watcher says so as a <see cref="WatchTrouble"/>
/// and goes on with what it has.
/// </summary>
public sealed class SystemFileWatcher : IFileWatcher
{
    /// <summary>
    /// Bytes of kernel events buffered between reads. The largest allowed (64 KiB): a <c>git checkout</c> produces
    /// thousands of events at once, and an overflow loses their names (the batch is still restarted for).
    /// </summary>
    private const int EventBufferBytes = 64 * 1024;

    public static SystemFileWatcher Instance { get; } = new();

    public IObservable<WatchEvent> Watch(WatchRoot root) => Observable.Create<WatchEvent>(observer =>
    {
        if (!Directory.Exists(root.Directory))
        {
            observer.OnNext(new WatchTrouble($"cannot watch {root.Directory}: no such folder", ChangesLost: false));
            return Disposable.Empty;
        }
        var watcher = new FileSystemWatcher(root.Directory)
        {
            IncludeSubdirectories = root.Recursive,
            InternalBufferSize = EventBufferBytes,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Changed(object? sender, FileSystemEventArgs e) => observer.OnNext(new FileChanged(e.FullPath));
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (_, e) =>
        {
            observer.OnNext(new FileChanged(e.OldFullPath));
            observer.OnNext(new FileChanged(e.FullPath));
        };
        watcher.Error += (_, e) => observer.OnNext(Trouble(root, e.GetException()));
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            observer.OnNext(Trouble(root, error));
        }
        return watcher;
    });

    private static WatchTrouble Trouble(WatchRoot root, Exception error) => error switch
    {
        InternalBufferOverflowException => new WatchTrouble($"too many changes at once under {root.Directory}: some were not reported one by one", ChangesLost: true),
        // .NET's own message names the limit and its current value; a hint where to raise it is what it lacks.
        IOException when error.Message.Contains("inotify", StringComparison.OrdinalIgnoreCase) =>
            new WatchTrouble($"watching {root.Directory} is incomplete: {error.Message} (raise it with sysctl); changes in the folders not watched are missed", ChangesLost: false),
        _ => new WatchTrouble($"watching {root.Directory}: {error.Message}", ChangesLost: false),
    };
}
