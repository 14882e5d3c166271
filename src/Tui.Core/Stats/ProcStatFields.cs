using System.Buffers.Text;

namespace Tui.Core.Stats;

/// <summary>
/// The fields of one /proc/&lt;pid&gt;/stat line that stats need, parsed from its bytes without allocating.
/// (The process layer has its own reader for state and process group; this one is for the sampling hot path.)
/// </summary>
internal readonly record struct ProcStatFields(
    int Pid,
    byte State,
    int ParentPid,
    long UserTicks,
    long SystemTicks,
    long ChildUserTicks,
    long ChildSystemTicks,
    int Threads,
    long StartTicks,
    long RssPages)
{
    /// <summary>Exited but not reaped (Z) or being torn down (X).</summary>
    public bool IsDead => State is (byte)'Z' or (byte)'X';

    /// <summary>All CPU time the process accounts for: its own and that of the children it has reaped.</summary>
    public long CpuTicks => UserTicks + SystemTicks + ChildUserTicks + ChildSystemTicks;

    // Field numbers as in proc(5); the first two (pid, comm) are read separately.
    private const int StateField = 3, ParentField = 4, UserField = 14, SystemField = 15, ChildUserField = 16,
        ChildSystemField = 17, ThreadsField = 20, StartField = 22, RssField = 24;

    /// <summary>
    /// Parses "pid (comm) state ppid ...". The command name may contain spaces and parentheses, so the numbered
    /// fields are counted from the last ')'. False when the line is cut short or malformed.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out ProcStatFields fields)
    {
        fields = default;
        var open = line.IndexOf((byte)' ');
        var close = line.LastIndexOf((byte)')');
        if (open <= 0 || close < open || !Utf8Parser.TryParse(line[..open], out int pid, out var used) || used != open) return false;

        var rest = line[(close + 1)..];
        byte state = 0;
        int ppid = 0, threads = 0;
        long user = 0, system = 0, childUser = 0, childSystem = 0, start = 0, rss = 0;
        var field = StateField;
        while (field <= RssField)
        {
            rest = rest.TrimStart((byte)' ');
            if (rest.IsEmpty) return false;
            var end = rest.IndexOfAny((byte)' ', (byte)'\n');
            var token = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[end..];

            if (field == StateField)
            {
                state = token[0];
            }
            else if (field is ParentField or ThreadsField)
            {
                if (!Utf8Parser.TryParse(token, out int value, out _)) return false;
                if (field == ParentField) ppid = value;
                else threads = value;
            }
            else if (field is UserField or SystemField or ChildUserField or ChildSystemField or StartField or RssField)
            {
                if (!Utf8Parser.TryParse(token, out long value, out _)) return false;
                switch (field)
                {
                    case UserField: user = value; break;
                    case SystemField: system = value; break;
                    case ChildUserField: childUser = value; break;
                    case ChildSystemField: childSystem = value; break;
                    case StartField: start = value; break;
                    default: rss = value; break;
                }
            }
            field++;
        }
        fields = new ProcStatFields(pid, state, ppid, user, system, childUser, childSystem, threads, start, rss);
        return true;
    }
}
