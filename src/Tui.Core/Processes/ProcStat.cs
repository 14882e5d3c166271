using System.Globalization;

namespace Tui.Core.Processes;

/// <summary>
/// The fields of /proc/&lt;pid&gt;/stat the process layer needs: state, parent, process group, session.
/// </summary>
/// <param name="State">One letter: R running, S sleeping, Z zombie, X dead, ...</param>
public readonly record struct ProcStat(int Pid, char State, int ParentPid, int ProcessGroup, int Session)
{
    /// <summary>Exited but not yet reaped (Z), or being torn down (X): dead for every purpose but the pid table.</summary>
    public bool IsDead => State is 'Z' or 'X';

    /// <summary>Reads /proc/&lt;pid&gt;/stat; null when the process does not exist (any more).</summary>
    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // gone: FileNotFound, DirectoryNotFound, or ESRCH while reading
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(text);
    }

    /// <summary>
    /// Parses one stat line. The command name (field 2) is in parentheses and may itself contain spaces and
    /// parentheses, so the fields after it are found from the last ')'.
    /// </summary>
    public static ProcStat? Parse(string text)
    {
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open <= 0 || close < open || close + 2 >= text.Length) return null;
        if (!int.TryParse(text.AsSpan(0, open).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        var rest = text[(close + 2)..].Split(' ', 5);
        if (rest.Length < 4 || rest[0].Length != 1) return null;
        if (!int.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid)
            || !int.TryParse(rest[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pgrp)
            || !int.TryParse(rest[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var session))
        {
            return null;
        }
        return new ProcStat(pid, rest[0][0], ppid, pgrp, session);
    }

    /// <summary>Every process visible in /proc right now (a snapshot; processes come and go while it is taken).</summary>
    public static IEnumerable<ProcStat> All()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir.AsSpan());
            if (name.Length == 0 || !char.IsAsciiDigit(name[0])) continue;
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Read(pid) is { } stat) yield return stat;
        }
    }
}
