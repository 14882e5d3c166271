namespace Tui.Storage.Orphans;

/// <summary>A child Tui started and has not seen exit: the leader of its own process group.</summary>
/// <param name="Process">The config's name for it, for messages.</param>
/// <param name="StartTicks">/proc start time of the child when it was recorded; a pid whose start time differs is someone else.</param>
public sealed record LiveChild(string Process, int Pid, int ProcessGroup, long StartTicks)
{
    public ProcessIdentity Identity => new(Pid, StartTicks);
}
