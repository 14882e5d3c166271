using System.Runtime.InteropServices;

namespace Tui.Jobs.Tests.Support;

/// <summary>kill(2), for what the tests do to processes by pid or process group (-pgid), never by name.</summary>
internal static partial class Signals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;

    public static void Send(int pid, int signal) => Kill(pid, signal);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
