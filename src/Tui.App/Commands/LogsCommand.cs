using System.CommandLine;
using System.Threading.Channels;
using Tui.Core.Control;
using Tui.Core.Control.Wire;
using Tui.Storage.Reading;

namespace Tui.App.Commands;

/// <summary>
/// tui logs NAME [--tail N] [--since 1h] [--follow] [--stderr] -c FILE: a process's recent output from the instance's
/// in-memory ring, as the child wrote it (one line each; Tui's own started/exited lines are left out); with --follow, new lines as they come until the instance stops.
/// </summary>
internal static class LogsCommand
{
    public static Command Build()
    {
        var command = new Command("logs", "Print the recent output of a process of a running instance");
        var name = new Argument<string>("NAME") { Description = "The process" };
        var tail = new Option<int?>("--tail", "-n") { Description = "Only the last N lines" };
        var since = new Option<string?>("--since") { Description = "Only lines of this last stretch of time: 30s, 10m, 1h" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until the instance stops (Ctrl-C to quit)" };
        var stderr = new Option<bool>("--stderr") { Description = "Only what the process wrote to stderr" };
        var config = CommonOptions.Config();
        foreach (var option in new Option[] { tail, since, follow, stderr, config }) command.Options.Add(option);
        command.Arguments.Add(name);
        command.SetAction((parseResult, cancellation) => RunAsync(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(name)!,
            parseResult.GetValue(tail),
            parseResult.GetValue(since),
            parseResult.GetValue(follow),
            parseResult.GetValue(stderr),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellation));
        return command;
    }

    public static async Task<int> RunAsync(string configPath, string name, int? tail, string? sinceText, bool follow, bool stderrOnly,
        TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        DateTimeOffset? since = null;
        if (sinceText is not null)
        {
            if (!AgeText.TryParse(sinceText, out var age))
            {
                error.WriteLine($"tui logs: --since: expected {AgeText.Expected}, got '{sinceText}'");
                return CliExit.Usage;
            }
            since = DateTimeOffset.Now - age;
        }
        if (tail is < 0)
        {
            error.WriteLine("tui logs: --tail: expected a count of 0 or more");
            return CliExit.Usage;
        }
        return await InstanceCall.RunAsync("logs", configPath, error, async client =>
        {
            // Subscribed before the ring is read, so no line falls between the two; sequences drop the overlap.
            var pushed = Channel.CreateUnbounded<LogEntry>();
            using var subscription = client.Pushes.Subscribe(
                push =>
                {
                    if (push.Push == "log") foreach (var line in push.Logs ?? []) pushed.Writer.TryWrite(line);
                },
                () => pushed.Writer.TryComplete());
            if (follow)
            {
                var subscribed = await client.Ask(ControlOps.Subscribe);
                if (!subscribed.Ok) return InstanceCall.Failure(subscribed, "logs", error);
            }
            var reply = await client.Ask(ControlOps.Logs, process: name, tail: tail, since: since, stderr: stderrOnly ? true : null, system: false);
            if (!reply.Ok) return InstanceCall.Failure(reply, "logs", error);
            var last = long.MinValue;
            foreach (var line in reply.Logs ?? [])
            {
                output.WriteLine(line.Text);
                last = line.Seq;
            }
            output.Flush();
            if (!follow) return CliExit.Ok;
            try
            {
                await foreach (var line in pushed.Reader.ReadAllAsync(cancellation))
                {
                    if (line.Process != name || line.Seq <= last || line.Stream == "system" || (stderrOnly && line.Stream != "stderr")) continue;
                    output.WriteLine(line.Text);
                    output.Flush();
                    last = line.Seq;
                }
            }
            catch (OperationCanceledException)
            {
            }
            return CliExit.Ok;
        });
    }
}
