using Tui.App.Instance;
using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Core.Control.Wire;

namespace Tui.App.Commands;

/// <summary>Connects a command to the instance running a config, and turns "nothing runs" into one line and <see cref="CliExit.NoInstance"/>.</summary>
internal static class InstanceCall
{
    /// <summary>Runs <paramref name="body"/> with a connected client; a lost or absent instance is reported on <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string command, string configPath, TextWriter error, Func<ControlClient, Task<int>> body)
    {
        ControlClient client;
        try
        {
            client = await ControlClient.ConnectAsync(InstanceServices.SocketPathFor(configPath));
        }
        catch (ControlException)
        {
            error.WriteLine($"tui {command}: {NotRunning(configPath)}");
            return CliExit.NoInstance;
        }
        await using (client)
        {
            try
            {
                return await body(client);
            }
            catch (ControlException e)
            {
                error.WriteLine($"tui {command}: {e.Message}");
                return CliExit.NoInstance;
            }
        }
    }

    public static string NotRunning(string configPath) =>
        $"{configPath} is not running (start it with tui up -d -c {configPath})";

    public static Task<ControlReply> Ask(this ControlClient client, string op, string? target = null, string? process = null,
        int? tail = null, DateTimeOffset? since = null, bool? stderr = null, bool? system = null) =>
        client.RequestAsync(new ControlRequest(0, op, target, process, tail, since, stderr, system));

    /// <summary>The exit code for a failed lookup of one process: unknown name, or another failure.</summary>
    public static int Failure(ControlReply reply, string command, TextWriter error)
    {
        error.WriteLine($"tui {command}: {reply.Error}");
        return reply.Error?.StartsWith("no process named", StringComparison.Ordinal) == true ? CliExit.UnknownProcess : CliExit.Failed;
    }
}
