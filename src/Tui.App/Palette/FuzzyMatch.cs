using System.Collections.Immutable;

namespace Tui.App.Palette;

/// <summary>How well a query matched a text: the score (higher is better) and which characters matched, in order.</summary>
/// <param name="Positions">UTF-16 indexes into the text of the matched characters: what the palette highlights.</param>
public readonly record struct FuzzyMatch(int Score, ImmutableArray<int> Positions)
{
    /// <summary>Where the match begins (0 for an empty query): an earlier start ranks first among equal scores.</summary>
    public int Start => Positions.IsDefaultOrEmpty ? 0 : Positions[0];
}
