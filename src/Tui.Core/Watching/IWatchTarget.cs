using Tui.Core.Supervision;

namespace Tui.Core.Watching;

/// <summary>What file watching acts on: the supervisor restarts (or signals) a process, and shows notices.</summary>
public interface IWatchTarget
{
    /// <summary>A debounced batch of changes to files <paramref name="process"/> watches. Called on any thread.</summary>
    void FilesChanged(string process, ChangeBatch batch);

    /// <summary>Something a person should know about a watch (a missing folder, the inotify limit).</summary>
    void WatchNotice(string process, NoticeLevel level, string message);
}
