using System.Reactive.Concurrency;
using Tui.App.Shell;
using Tui.Terminal.Drawing;

namespace Tui.App.Monitor;

/// <summary>
/// Where the monitor loop runs and draws: the real terminal and threads in the program, an in-memory screen,
/// virtual time and inline work in tests.
/// </summary>
/// <param name="Ui">The one scheduler all state changes and drawing happen on.</param>
/// <param name="Clock">Wall-clock time for the header, uptimes and countdowns.</param>
/// <param name="Size">The terminal's size now; frames are drawn at it.</param>
/// <param name="Present">Sends a drawn frame to the terminal.</param>
/// <param name="OffLoop">Runs work that may wait on I/O (reading a theme file) away from the UI scheduler.</param>
public sealed record MonitorHost(
    IScheduler Ui,
    Func<DateTimeOffset> Clock,
    Func<(int Width, int Height)> Size,
    Action<CellBuffer> Present,
    Func<Func<Msg>, Task<Msg>> OffLoop)
{
    public static Func<Func<Msg>, Task<Msg>> ThreadPool { get; } = work => Task.Run(work);
}
