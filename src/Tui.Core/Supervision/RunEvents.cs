using System.Text.Json;

namespace Tui.Core.Supervision;

/// <summary>A process's health changed (status or reason), as its checks, watchdog or sd_notify see it.</summary>
/// <param name="Text">What the screen shows ("healthy", "failing 1/3: connection refused", "stale: no heartbeat for 10s").</param>
/// <param name="LastFailure">The most recent failure's reason, kept after a recovery so a flapping check can be understood.</param>
public sealed record HealthChanged(DateTimeOffset At, string Process, HealthStatus Status, string Text, string? LastFailure)
    : SupervisorEvent(At);

/// <summary>A child sent an event its config declares, with data that matches the schema.</summary>
/// <param name="Data">The event's data: a JSON object (detached from any buffer; safe to keep).</param>
public sealed record ChildEvent(DateTimeOffset At, string Process, string Name, JsonElement Data) : SupervisorEvent(At);

/// <summary>A limit was exceeded and acted on (or only reported, with on_* = "warn").</summary>
/// <param name="Reason">"memory 530 MB > 512 MB", "cpu 97% > 90% over 3s", "runtime 1h > 1h".</param>
public sealed record LimitExceeded(DateTimeOffset At, string Process, string Limit, string Reason, Config.LimitAction Action) : SupervisorEvent(At);
