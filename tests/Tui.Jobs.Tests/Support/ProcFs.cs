namespace Tui.Jobs.Tests.Support;

/// <summary>What /proc says of processes, read directly, so the tests check the kernel rather than the manager's word.</summary>
internal static class ProcFs
{
    /// <summary>Alive: exists and is not a zombie (a zombie has exited; only its parent's wait is missing).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The live processes of process group <paramref name="pgid"/>.</summary>
    public static IReadOnlyList<int> GroupMembers(int pgid)
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && int.Parse(fields[2]) == pgid) members.Add(pid);
            }
            catch (IOException)
            {
            }
        }
        return members;
    }
}
