namespace Tui.Core.Processes;

/// <summary>
/// Where util-linux <c>setsid</c> lives. .NET cannot call setsid(2) between fork and exec, so every command Tui starts
/// (supervised children and one-shot commands alike) is started as <c>setsid -- CMD ARGS...</c>: setsid execs in place
/// (a .NET child is never a group leader), so the command keeps the pid .NET knows and pid == pgid == sid.
/// </summary>
internal static class SetsidProgram
{
    /// <summary>Where setsid lives when Tui's own PATH does not list it.</summary>
    private static readonly string[] Fallbacks = ["/usr/bin/setsid", "/bin/setsid"];

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The path of setsid.</summary>
    /// <exception cref="LaunchException">setsid is not installed.</exception>
    public static string Path => Found.Value
        ?? throw new LaunchException("setsid not found (install util-linux): Tui needs it to give each child its own process group");

    private static string? Find()
    {
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? CommandResolver.DefaultSearchPath;
        var candidates = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(System.IO.Path.IsPathRooted)
            .Select(dir => System.IO.Path.Combine(dir, "setsid"))
            .Concat(Fallbacks);
        foreach (var candidate in candidates)
        {
            try
            {
                return CommandResolver.Resolve(candidate, "/", null);
            }
            catch (LaunchException)
            {
                // not here; try the next
            }
        }
        return null;
    }
}
