using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Tui.Client;

/// <summary>
/// The daemon: listens on a Unix socket (which is how Tui sees it is ready), answers each connection with a line,
/// sends heartbeats through <see cref="ProcessClient"/> (on the interval Tui asks for) and ends on SIGTERM.
/// </summary>
internal static class EchoDaemon
{
    public static async Task<int> RunAsync(string socketPath)
    {
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        File.Delete(socketPath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen();
        await using var tui = await ProcessClient.ConnectAsync();
        await tui.SetStatusAsync("listening");
        Console.WriteLine($"listening on {socketPath}, heartbeat every {tui.HeartbeatInterval?.TotalMilliseconds} ms");

        var served = 0;
        try
        {
            while (true)
            {
                using var connection = await listener.AcceptAsync(stop.Token);
                try
                {
                    await connection.SendAsync(Encoding.UTF8.GetBytes($"hello {++served}\n"), SocketFlags.None, stop.Token);
                }
                catch (SocketException)
                {
                    // The peer had gone already (Tui's readiness check only connects, and closes at once).
                }
                await tui.SetStatusAsync($"served {served}");
            }
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"SIGTERM: served {served}, bye");
        }
        finally
        {
            File.Delete(socketPath);
        }
        return 0;
    }
}
