namespace Tui.Core.Processes.Native;

/// <summary>The errno values the process layer tells apart (Linux numbering).</summary>
internal static class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EAGAIN = 11, EINVAL = 22, ENOSYS = 38;
}
