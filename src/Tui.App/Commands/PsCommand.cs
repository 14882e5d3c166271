using System.CommandLine;
using System.Globalization;
using Tui.Core.Control;
using Tui.Core.Control.Wire;

namespace Tui.App.Commands;

/// <summary>tui ps [--json] [-q] -c FILE: the processes of a running instance, as a table, one JSON array, or names only.</summary>
internal static class PsCommand
{
    public static Command Build()
    {
        var command = new Command("ps", "List the processes of a running instance");
        var json = new Option<bool>("--json") { Description = "One JSON array of processes (the control protocol's objects)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only the names, one a line" };
        var config = CommonOptions.Config();
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.Options.Add(config);
        command.SetAction((parseResult, _) => RunAsync(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(json),
            parseResult.GetValue(quiet),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static Task<int> RunAsync(string configPath, bool json, bool quiet, TextWriter output, TextWriter error) =>
        InstanceCall.RunAsync("ps", configPath, error, async client =>
        {
            var reply = await client.Ask(ControlOps.Ps);
            if (!reply.Ok) return InstanceCall.Failure(reply, "ps", error);
            var processes = reply.Processes ?? [];
            if (json) output.WriteLine(ControlJson.EncodeProcesses(processes));
            else if (quiet) foreach (var p in processes) output.WriteLine(p.Name);
            else ProcessTable.Write(processes, DateTimeOffset.Now, output);
            return CliExit.Ok;
        });
}

/// <summary>The aligned table of <c>tui ps</c>.</summary>
internal static class ProcessTable
{
    private static readonly string[] Headers = ["NAME", "GROUP", "STATE", "PID", "UPTIME", "RESTARTS", "REASON"];

    public static void Write(IReadOnlyList<ProcessInfo> processes, DateTimeOffset now, TextWriter output)
    {
        var rows = processes.Select(p => new[]
        {
            p.Name, p.Group ?? "-", State(p), p.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
            p.StartedAt is { } started && p.Pid is not null ? Uptime(now - started) : "-",
            p.Restarts.ToString(CultureInfo.InvariantCulture), Reason(p, now),
        }).ToList();
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(Headers, widths));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
    }

    /// <summary>"queued (3rd)" for a job waiting for the pool, otherwise the state's name.</summary>
    private static string State(ProcessInfo p) =>
        p is { State: "queued", QueuePosition: { } place } ? $"queued ({Views.Format.Ordinal(place)})" : p.State;

    /// <summary>"next run in 4m (exit 0)" for a scheduled job between runs, otherwise the reason.</summary>
    private static string Reason(ProcessInfo p, DateTimeOffset now) =>
        p.NextRunAt is not null && Views.Format.NextRun(p.ToSnapshot(null), now) is { } nextRun
            ? p.Reason is { Length: > 0 } reason ? $"{nextRun} ({reason})" : nextRun
            : p.Reason ?? "";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    /// <summary>"45s", "3m12s", "2h05m", "3d04h": two units, like the monitor's UP column.</summary>
    public static string Uptime(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalMinutes < 1) return $"{(int)span.TotalSeconds}s";
        if (span.TotalHours < 1) return $"{span.Minutes}m{span.Seconds:00}s";
        if (span.TotalDays < 1) return $"{(int)span.TotalHours}h{span.Minutes:00}m";
        return $"{(int)span.TotalDays}d{span.Hours:00}h";
    }
}
