namespace Tui.Storage.Database;

/// <summary>The database stores times as Unix milliseconds.</summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
