namespace Tui.Core.Processes;

/// <summary>Linux signal numbers and their names (x86_64 and arm64 agree on these).</summary>
public static class Signals
{
    public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGKILL = 9, SIGUSR1 = 10, SIGUSR2 = 12,
        SIGTERM = 15, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGWINCH = 28;

    /// <summary>Signals a crash usually dies of; named so that exit reasons read "killed by SIGSEGV".</summary>
    public const int SIGABRT = 6, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11, SIGPIPE = 13, SIGALRM = 14;

    private static readonly (string Name, int Number)[] Table =
    [
        ("SIGHUP", SIGHUP), ("SIGINT", SIGINT), ("SIGQUIT", SIGQUIT), ("SIGKILL", SIGKILL),
        ("SIGUSR1", SIGUSR1), ("SIGUSR2", SIGUSR2), ("SIGTERM", SIGTERM), ("SIGCONT", SIGCONT),
        ("SIGSTOP", SIGSTOP), ("SIGTSTP", SIGTSTP), ("SIGWINCH", SIGWINCH),
        ("SIGABRT", SIGABRT), ("SIGBUS", SIGBUS), ("SIGFPE", SIGFPE), ("SIGSEGV", SIGSEGV),
        ("SIGPIPE", SIGPIPE), ("SIGALRM", SIGALRM),
    ];

    public static IEnumerable<string> Names => Table.Select(t => t.Name);

    public static string Name(int signal) => Table.FirstOrDefault(t => t.Number == signal).Name ?? $"signal {signal}";

    /// <summary>Accepts "SIGTERM", "TERM" or "term".</summary>
    public static bool TryParse(string text, out int signal)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (!upper.StartsWith("SIG", StringComparison.Ordinal)) upper = "SIG" + upper;
        foreach (var (name, number) in Table)
        {
            if (name == upper) { signal = number; return true; }
        }
        signal = 0;
        return false;
    }
}
