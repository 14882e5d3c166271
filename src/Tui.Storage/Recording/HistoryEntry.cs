using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Storage.Recording;

/// <summary>What the recorder buffers: engine events (with what must be read the moment they happen) and stats samples.</summary>
internal abstract record HistoryEntry;

/// <param name="StartTicks">For <see cref="ProcessStarted"/>: the child's /proc start time, read on arrival because the child may be gone by the time the batch is written.</param>
internal sealed record EventEntry(SupervisorEvent Event, long? StartTicks) : HistoryEntry;

internal sealed record StatsEntry(ProcessStats Stats) : HistoryEntry;
