namespace Tui.Core.Watching;

/// <summary>What a <see cref="IFileWatcher"/> reports: a path that changed, or trouble watching.</summary>
public abstract record WatchEvent;

/// <summary>A file or directory was created, written, deleted or renamed (a rename reports both names).</summary>
public sealed record FileChanged(string FullPath) : WatchEvent;

/// <summary>
/// The watch is incomplete or could not be set up (no such folder, the OS watch limit, an event queue overflow).
/// Watching goes on with whatever could be watched.
/// </summary>
/// <param name="ChangesLost">Changes happened that were not reported one by one (the kernel's queue overflowed).</param>
public sealed record WatchTrouble(string Message, bool ChangesLost) : WatchEvent;
