using System.Net.Sockets;

namespace Tui.Core.Protocol;

/// <summary>Binding Unix sockets at paths Tui owns: a stale file from an earlier Tui is replaced; the socket is 0600.</summary>
internal static class SocketFiles
{
    public static void Bind(Socket socket, string path)
    {
        var endPoint = new UnixDomainSocketEndPoint(path);
        try
        {
            socket.Bind(endPoint);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            // A file left by an earlier Tui (or an earlier run): replaced. Bound first, so that the usual case costs
            // no unlink of a path that is not there.
            Remove(path);
            socket.Bind(endPoint);
        }
        // The directory is already private (0700); the socket's own mode says the same to anyone who looks.
        SetMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>chmod; Tui runs on Linux only, the guard keeps the platform analyzer informed.</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }

    public static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Bind will say what is wrong, with the path.
        }
    }
}
