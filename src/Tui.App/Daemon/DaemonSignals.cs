using System.Runtime.InteropServices;

namespace Tui.App.Daemon;

/// <summary>
/// SIGTERM, SIGINT and SIGHUP taken over from the runtime's default (exit at once), so the daemon stops its children
/// first. Later signals are swallowed too: the shutdown is already bounded by shutdown_timeout.
/// </summary>
internal sealed class DaemonSignals : IDisposable
{
    private readonly TaskCompletionSource<PosixSignal> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _registrations;

    public DaemonSignals() => _registrations =
        [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];

    public Task<PosixSignal> Received => _received.Task;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _received.TrySetResult(context.Signal);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
