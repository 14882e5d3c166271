namespace Tui.Core.Watching;

/// <summary>
/// The file-watching seam: the real one is inotify through <see cref="SystemFileWatcher"/>; tests push events into a
/// subject. Events may arrive on any thread; a subscription sets the watch up and its disposal tears it down.
/// </summary>
public interface IFileWatcher
{
    /// <summary>Changes in <paramref name="root"/>. A root that cannot be watched reports a <see cref="WatchTrouble"/> instead of throwing.</summary>
    IObservable<WatchEvent> Watch(WatchRoot root);
}
