using Tui.Core.Processes.Native;

namespace Tui.Core.Processes;

/// <summary>
/// Finds a command the way execvp(3) will, before anything is started, so that "command not found" and
/// "not executable" are launch failures with a reason rather than a bare exit 1 from setsid.
/// </summary>
public static class CommandResolver
{
    /// <summary>execvp's search path when the environment has no PATH (glibc's confstr(_CS_PATH)).</summary>
    public const string DefaultSearchPath = "/bin:/usr/bin";

    /// <summary>
    /// The file that will be executed for <paramref name="command"/>: a name with a '/' is taken as a path
    /// (relative to <paramref name="cwd"/>), any other name is looked up in <paramref name="searchPath"/>.
    /// </summary>
    /// <exception cref="LaunchException">"command not found: X" or "not executable: X (...)".</exception>
    public static string Resolve(string command, string cwd, string? searchPath)
    {
        if (string.IsNullOrEmpty(command)) throw new LaunchException("empty command");
        if (command.Contains('/'))
        {
            var path = Path.GetFullPath(command, cwd);
            return Check(path) switch
            {
                Verdict.Executable => path,
                Verdict.Missing => throw new LaunchException($"command not found: {command} (no such file)"),
                Verdict.Directory => throw new LaunchException($"not executable: {command} is a directory"),
                _ => throw new LaunchException($"not executable: {command} (permission denied)"),
            };
        }

        string? denied = null;
        foreach (var dir in (searchPath ?? DefaultSearchPath).Split(':'))
        {
            // An empty entry means the current directory, as in execvp.
            var candidate = Path.Combine(dir.Length == 0 ? cwd : Path.GetFullPath(dir, cwd), command);
            switch (Check(candidate))
            {
                case Verdict.Executable:
                    return candidate;
                case Verdict.NotExecutable:
                    denied ??= candidate; // execvp keeps looking, and reports EACCES only if nothing else fits
                    break;
            }
        }
        if (denied is not null) throw new LaunchException($"not executable: {command} ({denied}: permission denied)");
        throw new LaunchException($"command not found: {command}");
    }

    /// <summary>Checks a working directory; throws "working directory ... does not exist / is not a directory".</summary>
    /// <exception cref="LaunchException">The directory cannot be used.</exception>
    public static void CheckWorkingDirectory(string cwd)
    {
        if (string.IsNullOrEmpty(cwd)) throw new LaunchException("empty working directory");
        if (!Path.IsPathRooted(cwd)) throw new LaunchException($"working directory is not an absolute path: {cwd}");
        if (!Directory.Exists(cwd))
        {
            throw new LaunchException(File.Exists(cwd)
                ? $"working directory is not a directory: {cwd}"
                : $"working directory does not exist: {cwd}");
        }
        if (LibC.access(cwd, LibC.X_OK) != 0) throw new LaunchException($"working directory is not accessible (permission denied): {cwd}");
    }

    private enum Verdict { Missing, Directory, NotExecutable, Executable }

    private static Verdict Check(string path)
    {
        if (Directory.Exists(path)) return Verdict.Directory;
        if (!File.Exists(path)) return Verdict.Missing;
        return LibC.access(path, LibC.X_OK) == 0 ? Verdict.Executable : Verdict.NotExecutable;
    }
}
