namespace Tui.Core.Tests.Health;

/// <summary>
/// A bounded wait for a condition that no event announces (a count reaching a value, a probe's process appearing).
/// Where an event exists, tests wait for the event instead.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<bool> True(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10);
        }
        return true;
    }
}
