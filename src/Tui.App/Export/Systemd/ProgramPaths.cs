using System.Collections.Immutable;

namespace Tui.App.Export.Systemd;

/// <summary>
/// Makes the program of an argv command absolute, as ExecStart= wants (systemd-analyze verify checks that it exists):
/// a path with a "/" resolves against the process's cwd, a bare name is looked up in the PATH, the process's own PATH
/// first (its env), then the one <c>tui export</c> runs with. Found nowhere: the name stays bare, and the caller notes it.
/// </summary>
internal sealed class ProgramPaths(ImmutableArray<string> searchPath)
{
    /// <summary>The directories of the PATH of the current environment.</summary>
    public static ProgramPaths FromEnvironment() => new(Split(Environment.GetEnvironmentVariable("PATH")));

    /// <summary>The absolute path of <paramref name="program"/>, or null when it is a bare name found in no PATH directory.</summary>
    public string? Resolve(string program, string cwd, IReadOnlyDictionary<string, string> env)
    {
        if (program.Contains('/')) return Path.GetFullPath(program, cwd);
        var directories = env.TryGetValue("PATH", out var own) ? Split(own).AddRange(searchPath) : searchPath;
        foreach (var directory in directories)
        {
            if (!Path.IsPathRooted(directory)) continue;
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static ImmutableArray<string> Split(string? path) =>
        [.. (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)];
}
