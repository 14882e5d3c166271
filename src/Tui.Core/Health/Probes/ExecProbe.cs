using System.Text;
using Tui.Core.Processes;

namespace Tui.Core.Health.Probes;

/// <summary>
/// Runs a command (in the process's cwd and environment) in a process group of its own; exit 0 is healthy.
/// A failure's detail is the exit and the command's last line of stderr (of stdout when stderr is empty). When the attempt is cancelled (timeout,
/// or the run ended) the whole group is SIGKILLed and reaped before the attempt completes: a hung probe leaves nothing.
/// </summary>
public sealed class ExecProbe(IProcessLauncher launcher, LaunchSpec spec) : IProbe
{
    /// <summary>Output kept to explain a failure: the tail is what says why; a chatty probe costs no more than this.</summary>
    public const int MaxOutputBytes = 4096;

    /// <summary>The explanation is shown in a status column: one short line.</summary>
    public const int MaxDetailChars = 160;

    public async Task<ProbeResult> RunAsync(CancellationToken cancel)
    {
        IChildProcess child;
        try
        {
            child = launcher.Start(spec);
        }
        catch (LaunchException e)
        {
            return ProbeResult.Fail($"cannot run: {e.Message}");
        }

        using (child)
        {
            var stdout = new OutputTail(MaxOutputBytes);
            var stderr = new OutputTail(MaxOutputBytes);
            var drains = Task.WhenAll(Drain(child.Stdout, stdout), child.Stderr is { } errors ? Drain(errors, stderr) : Task.CompletedTask);
            ExitStatus status;
            using (cancel.Register(() => child.SignalGroup(Signals.SIGKILL)))
            {
                status = await child.Exited.ConfigureAwait(false);
            }
            // Whatever the command left running in its group goes with it.
            child.SignalGroup(Signals.SIGKILL);
            try
            {
                // The pipes close once every member of the group is gone; a member that escaped the group is cut off by the timeout.
                await drains.WaitAsync(cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            cancel.ThrowIfCancellationRequested();
            if (status.Success) return ProbeResult.Pass("exit 0");
            // What a command says on stderr is what explains its failure; stdout only when stderr is silent.
            var line = stderr.LastLine(MaxDetailChars) is { Length: > 0 } error ? error : stdout.LastLine(MaxDetailChars);
            return ProbeResult.Fail(line.Length > 0 ? $"{status}: {line}" : status.ToString());
        }
    }

    private static async Task Drain(Stream stream, OutputTail tail)
    {
        var buffer = new byte[1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0) tail.Add(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The child was disposed while its output was read: what came so far is enough to explain it.
        }
    }

    /// <summary>The last bytes of one of a command's output streams.</summary>
    private sealed class OutputTail(int capacity)
    {
        private readonly Lock _gate = new();
        private readonly byte[] _bytes = new byte[capacity];
        private int _length;

        public void Add(ReadOnlySpan<byte> chunk)
        {
            lock (_gate)
            {
                if (chunk.Length >= _bytes.Length)
                {
                    chunk[^_bytes.Length..].CopyTo(_bytes);
                    _length = _bytes.Length;
                    return;
                }
                var keep = Math.Min(_length, _bytes.Length - chunk.Length);
                _bytes.AsSpan(_length - keep, keep).CopyTo(_bytes);
                chunk.CopyTo(_bytes.AsSpan(keep));
                _length = keep + chunk.Length;
            }
        }

        public string LastLine(int maxChars)
        {
            string text;
            lock (_gate) text = Encoding.UTF8.GetString(_bytes, 0, _length);
            var line = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            return line.Length <= maxChars ? line : line[..(maxChars - 1)] + "…";
        }
    }
}
