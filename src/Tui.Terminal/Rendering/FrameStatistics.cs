namespace Tui.Terminal.Rendering;

/// <summary>What drawing one frame cost.</summary>
public readonly record struct FrameStatistics(int Bytes, int CellsWritten, int Scrolls, bool FullRepaint);
