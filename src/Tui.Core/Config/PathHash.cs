using System.Text;

namespace Tui.Core.Config;

/// <summary>
/// A short hex hash of a text (a config file's absolute path), for file names that tell one config's instance from
/// another's: its control socket, its state files, its children's protocol folder.
/// </summary>
/// <remarks>
/// FNV-1a (64 bits), not SHA-256: the names only have to differ (their folders are private, there is no adversary), and
/// SHA-256 loads OpenSSL, which cost a short-lived <c>tui ps</c> tens of milliseconds and an idle Tui about 5 MB of RSS.
/// </remarks>
public static class PathHash
{
    /// <summary>48 bits: collisions between one user's configs are out of reach.</summary>
    public const int HexChars = 12;

    private const ulong FnvOffset = 14695981039346656037, FnvPrime = 1099511628211;

    public static string Of(string text)
    {
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * FnvPrime;
        return hash.ToString("x16")[..HexChars];
    }
}
