using Tui.Core.Supervision;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Watching;

internal sealed class RecordingWatchTarget : IWatchTarget
{
    private readonly List<(string Process, ChangeBatch Batch)> _batches = [];
    private readonly List<(string Process, NoticeLevel Level, string Message)> _notices = [];

    public IReadOnlyList<(string Process, ChangeBatch Batch)> Batches
    {
        get { lock (_batches) return [.. _batches]; }
    }

    public IReadOnlyList<(string Process, NoticeLevel Level, string Message)> Notices
    {
        get { lock (_notices) return [.. _notices]; }
    }

    public void FilesChanged(string process, ChangeBatch batch)
    {
        lock (_batches) _batches.Add((process, batch));
    }

    public void WatchNotice(string process, NoticeLevel level, string message)
    {
        lock (_notices) _notices.Add((process, level, message));
    }
}
