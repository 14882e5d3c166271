namespace Tui.Core.Tests.TestSupport;

/// <summary>
/// A bounded wait for a condition that no event announces (a count reaching a value, a probe's process appearing).
/// Where an event exists, tests wait for the event instead.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="condition"/> every 10 ms until it holds (true) or <paramref name="patience"/> runs out (false).</summary>
    public static async Task<bool> True(Func<bool> condition, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10);
        }
        return true;
    }
}
