namespace Tui.Terminal.Rendering;

/// <summary>
/// A vertical shift of whole rows the renderer asks the terminal to do itself: rows Top..Bottom
/// (inclusive) move up by <see cref="Lines"/> when positive (CSI n S) or down when negative
/// (CSI n T); the rows uncovered become blank.
/// </summary>
public readonly record struct ScrollOperation(int Top, int Bottom, int Lines);
