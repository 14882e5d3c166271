using System.Collections.Immutable;

namespace Tui.Core.Supervision;

/// <summary>
/// What the restart policy remembers of one process: the current crash streak (drives the backoff delay) and
/// when recent automatic restarts happened (drives max_restarts within restart_window).
/// </summary>
internal sealed record RestartHistory(int Streak, ImmutableList<DateTimeOffset> RestartTimes)
{
    public static RestartHistory Empty { get; } = new(0, []);
}
