using System.Runtime.InteropServices;

namespace Tui.App.Instance;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP, taken over from the runtime's default (terminate at once) so that Tui can stop its
/// children first. Every signal after the first is swallowed too: the shutdown is already bounded by shutdown_timeout.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private static readonly PosixSignal[] Handled = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP];

    private readonly TaskCompletionSource<PosixSignal> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals() => _registrations = [.. Handled.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];

    /// <summary>Completes with the first signal received.</summary>
    public Task<PosixSignal> Received => _received.Task;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _received.TrySetResult(context.Signal);
    }
}
