using System.Globalization;
using System.Text;

namespace Tui.Storage.Orphans;

/// <summary>
/// The live-children state file: a few text lines, replaced whole (write a temporary file, then rename) so that a
/// crash at any moment leaves either the old or the new list, never half of one.
/// <code>
/// owner PID START_TICKS
/// child PID PGID START_TICKS NAME
/// </code>
/// </summary>
public static class LiveChildFile
{
    private const string Header =
        "# Tui live children: the processes a running Tui started, so that the next Tui can stop any it left behind.";

    public sealed record Contents(ProcessIdentity? Owner, IReadOnlyList<LiveChild> Children);

    public static void Write(string path, ProcessIdentity owner, IEnumerable<LiveChild> children)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"owner {owner.Pid} {owner.StartTicks}\n");
        foreach (var c in children)
        {
            // A name is the rest of its line, so a line break in it (possible in a quoted TOML key) must go.
            var name = c.Process.ReplaceLineEndings(" ");
            text.Append(CultureInfo.InvariantCulture, $"child {c.Pid} {c.ProcessGroup} {c.StartTicks} {name}\n");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file's contents; null when there is no file. Lines it does not understand are skipped.</summary>
    public static Contents? Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        ProcessIdentity? owner = null;
        var children = new List<LiveChild>();
        foreach (var line in lines)
        {
            var f = line.Split(' ', 5);
            if (f is ["owner", var pid, var start] && Int(pid) is { } p && Long(start) is { } s)
                owner = new ProcessIdentity(p, s);
            else if (f is ["child", var cpid, var pgid, var cstart, var name] && Int(cpid) is { } cp && Int(pgid) is { } g && Long(cstart) is { } cs)
                children.Add(new LiveChild(name, cp, g, cs));
        }
        return new Contents(owner, children);
    }

    private static int? Int(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    private static long? Long(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
