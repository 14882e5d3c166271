using System.Net.Sockets;
using System.Text;
using Tui.App.Instance;
using Tui.Core.Control;
using Tui.Core.Control.Wire;

namespace Tui.App.Commands;

/// <summary>
/// <c>tui ps [--json|-q] [-c FILE]</c> without System.CommandLine or Rx: scripts and completion call ps often, and a
/// short-lived .NET program's time is mostly loading and jitting what it touches. One request, one reply line, printed.
/// Anything else on the line (help, an unknown option) goes to the full parser instead.
/// </summary>
internal static class PsFastPath
{
    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "ps") return null;
        string config = CommonOptions.DefaultConfigFile;
        bool json = false, quiet = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "-q" or "--quiet": quiet = true; break;
                case "-c" or "--config" when i + 1 < args.Length: config = args[++i]; break;
                default: return null;
            }
        }
        return Run(config, json, quiet, Console.Out, Console.Error);
    }

    /// <summary>The "processes" array of a successful reply, as its own document; null otherwise.</summary>
    private static System.Text.Json.JsonDocument? ProcessesOf(string line)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("ok", out var ok) || !ok.GetBoolean() || !root.TryGetProperty("processes", out var processes)) return null;
            return System.Text.Json.JsonDocument.Parse(processes.GetRawText());
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static int Run(string config, bool json, bool quiet, TextWriter output, TextWriter error)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(InstanceServices.SocketPathFor(config)));
        }
        catch (SocketException)
        {
            error.WriteLine($"tui ps: {InstanceCall.NotRunning(config)}");
            return CliExit.NoInstance;
        }
        using var stream = new NetworkStream(socket);
        stream.Write(Encoding.UTF8.GetBytes(ControlJson.Encode(new ControlRequest(1, ControlOps.Ps)) + "\n"));
        var line = new LineReader(stream, ControlLimits.MaxReplyBytes).ReadLineAsync().GetAwaiter().GetResult();
        if (line is not null && json && ProcessesOf(line) is { } array)
        {
            // Straight from the reply's document to indented text: no typed model to build, which is most of ps's CPU.
            using var writer = new System.Text.Json.Utf8JsonWriter(Console.OpenStandardOutput(), new System.Text.Json.JsonWriterOptions { Indented = true });
            array.RootElement.WriteTo(writer);
            writer.Flush();
            Console.OpenStandardOutput().Write("\n"u8);
            array.Dispose();
            return CliExit.Ok;
        }
        if (line is null || ControlJson.DecodeReply(line) is not { } reply)
        {
            error.WriteLine("tui ps: the instance closed the connection");
            return CliExit.NoInstance;
        }
        if (!reply.Ok) return InstanceCall.Failure(reply, "ps", error);
        var processes = reply.Processes ?? [];
        if (json) output.WriteLine(ControlJson.EncodeProcesses(processes));
        else if (quiet) foreach (var p in processes) output.WriteLine(p.Name);
        else ProcessTable.Write(processes, DateTimeOffset.Now, output);
        return CliExit.Ok;
    }
}
