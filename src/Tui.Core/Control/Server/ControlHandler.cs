using Tui.Core.Control.Wire;
using Tui.Core.Logs;
using Tui.Core.Supervision;

namespace Tui.Core.Control.Server;

/// <summary>Answers one request against the engine. Subscribe and down are the connection's (they outlive a reply).</summary>
internal sealed class ControlHandler(IControlHost host)
{
    /// <summary>Asked for with no tail: the whole ring (the engine bounds it by settings.log_ring_lines).</summary>
    private const int WholeRing = int.MaxValue;

    private ISupervisorClient Engine => host.Engine;

    public async Task<ControlReply> HandleAsync(ControlRequest request)
    {
        var id = request.Id;
        switch (request.Op)
        {
            case ControlOps.Hello:
                return new ControlReply
                {
                    Id = id, Ok = true,
                    Server = new ServerInfo(Path.GetFullPath(Engine.ConfigPath), Environment.ProcessId, ControlOps.ProtocolVersion, host.Mode),
                };
            case ControlOps.Ps:
                return new ControlReply { Id = id, Ok = true, Processes = [.. Engine.Current.Select(ProcessInfo.From)] };
            case ControlOps.Status:
                return Find(request) is { } snapshot
                    ? new ControlReply { Id = id, Ok = true, Processes = [ProcessInfo.From(snapshot)] }
                    : Unknown(request);
            case ControlOps.Logs:
                if (Find(request) is null) return Unknown(request);
                return new ControlReply { Id = id, Ok = true, Logs = Logs(request) };
            case ControlOps.Stats:
                if (Find(request) is null) return Unknown(request);
                return new ControlReply { Id = id, Ok = true, Stats = [.. Engine.StatsHistory(request.Process!).Select(StatsEntry.From)] };
            case var op when ControlOps.TargetOps.Contains(op):
                if (string.IsNullOrWhiteSpace(request.Target)) return ControlReply.Failure(id, $"{op} needs a \"target\": NAME, @GROUP or all");
                var result = await Command(op, ProcessTarget.Parse(request.Target)).ConfigureAwait(false);
                return new ControlReply { Id = id, Ok = result.Ok, Affected = result.Affected, Error = result.Error };
            case ControlOps.Reload:
                var reload = await Engine.ReloadAsync().ConfigureAwait(false);
                return new ControlReply { Id = id, Ok = reload.Ok, Affected = reload.Affected, Error = reload.Error };
            case ControlOps.Run:
                if (request.Process is null || request.Argv is null) return ControlReply.Failure(id, "run needs a \"process\" and an \"argv\"");
                var run = await Engine.RunAdHocAsync(request.ToAdHocJob()).ConfigureAwait(false);
                return new ControlReply { Id = id, Ok = run.Ok, Affected = run.Affected, Error = run.Error };
            case ControlOps.Send:
                if (request.Process is null || request.Text is null) return ControlReply.Failure(id, "send needs a \"process\" and a \"text\"");
                var sent = await Engine.SendInputAsync(request.Process, request.Text).ConfigureAwait(false);
                return new ControlReply { Id = id, Ok = sent.Ok, Affected = sent.Affected, Error = sent.Error };
            default:
                return ControlReply.Failure(id, $"unknown op \"{request.Op}\"");
        }
    }

    private Task<CommandResult> Command(string op, ProcessTarget target) => op switch
    {
        ControlOps.Start => Engine.StartAsync(target),
        ControlOps.Stop => Engine.StopAsync(target),
        ControlOps.Restart => Engine.RestartAsync(target),
        ControlOps.Pause => Engine.PauseAsync(target),
        _ => Engine.ResumeAsync(target),
    };

    private IReadOnlyList<LogEntry> Logs(ControlRequest request)
    {
        IEnumerable<LogLine> lines = Engine.RecentLogs(request.Process!, WholeRing);
        if (request.Stderr == true) lines = lines.Where(l => l.Stream == LogStream.Stderr);
        if (request.System == false) lines = lines.Where(l => l.Stream != LogStream.System);
        if (request.Since is { } since) lines = lines.Where(l => l.Timestamp >= since);
        var list = lines.Select(LogEntry.From).ToList();
        return request.Tail is { } tail && tail >= 0 && list.Count > tail ? list[^tail..] : list;
    }

    private ProcessSnapshot? Find(ControlRequest request) =>
        request.Process is { } name ? Engine.Current.FirstOrDefault(s => s.Name == name) : null;

    private static ControlReply Unknown(ControlRequest request) => ControlReply.Failure(request.Id,
        request.Process is null ? $"{request.Op} needs a \"process\"" : $"no process named \"{request.Process}\"");
}
