using System.Security.Cryptography;
using System.Text;

namespace Tui.Http.Hosting;

/// <summary>
/// The bearer token a TCP listener requires: 32 random bytes (base64url), kept in a 0600 file so that the user's own
/// scripts can read it (<c>curl -H "Authorization: Bearer $(cat FILE)"</c>) and nobody else can. It is reused across
/// runs, so a client configured once keeps working after a restart.
/// </summary>
public static class ApiToken
{
    private const int RandomBytes = 32;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The token in <paramref name="path"/>, made first when the file is missing or empty.</summary>
    public static string LoadOrCreate(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Tui runs on Linux");
        if (File.Exists(path))
        {
            // A token someone else could read is no secret: tighten the mode of an older file before using it.
            File.SetUnixFileMode(path, OwnerOnly);
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0) return existing;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var token = Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));
        using (var file = new FileStream(path, new FileStreamOptions
               {
                   Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly,
               }))
        {
            file.Write(Encoding.ASCII.GetBytes(token + "\n"));
        }
        File.SetUnixFileMode(path, OwnerOnly);
        return token;
    }

    /// <summary>Whether <paramref name="presented"/> is the token, in time that does not depend on where they differ.</summary>
    public static bool Matches(string token, string? presented) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(presented));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
