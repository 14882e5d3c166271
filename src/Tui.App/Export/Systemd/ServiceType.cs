using Tui.Core.Config;

namespace Tui.App.Export.Systemd;

/// <summary>systemd's Type= for a process, which decides when systemd counts it as started.</summary>
internal static class ServiceType
{
    /// <summary>
    /// notify: ready on READY=1, as in Tui. A job: oneshot, so that units after it wait until it has finished, as
    /// depends_on "completed_successfully" does (oneshot refuses Restart=always, so such a job stays exec). Otherwise
    /// exec: started once the program runs (unlike simple, a missing program fails the start).
    /// </summary>
    public static string Of(ProcessConfig process) =>
        process.Notify ? "notify"
        : IsOneShot(process) ? "oneshot"
        : "exec";

    public static bool IsOneShot(ProcessConfig process) =>
        !process.Notify && process.Kind == ProcessKind.Job && process.Restart != RestartPolicy.Always;
}
