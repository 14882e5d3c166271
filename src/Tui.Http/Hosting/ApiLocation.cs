using System.Text;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Control.Server;
using Tui.Storage;

namespace Tui.Http.Hosting;

/// <summary>
/// Where a config's API lives by default: a unix socket beside its control socket (same private folder, same name with
/// <c>.http.sock</c>), and where its bearer token is kept: the state directory, next to its history.
/// </summary>
public static class ApiLocation
{
    public const string SocketSuffix = ".http.sock";
    public const string TokenSuffix = ".api-token";

    /// <summary>The API socket of the instance whose control socket is <paramref name="controlSocketPath"/>.</summary>
    public static string SocketBeside(string controlSocketPath)
    {
        var directory = Path.GetDirectoryName(controlSocketPath)!;
        var stem = Path.GetFileName(controlSocketPath);
        if (stem.EndsWith(SocketLocation.Suffix, StringComparison.Ordinal)) stem = stem[..^SocketLocation.Suffix.Length];
        var named = Path.Combine(directory, stem + SocketSuffix);
        // As for the control socket: a deep folder must not push the path past sun_path; the hash alone fits.
        return Encoding.UTF8.GetByteCount(named) <= ControlLimits.MaxSocketPathBytes
            ? named
            : Path.Combine(directory, PathHash.Of(controlSocketPath) + SocketSuffix);
    }

    /// <summary>The token file of <paramref name="configPath"/> in <paramref name="stateDirectory"/>.</summary>
    public static string TokenFile(string configPath, string stateDirectory) =>
        Path.Combine(stateDirectory, StatePaths.StemFor(configPath) + TokenSuffix);
}
