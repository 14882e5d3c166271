using Tui.Terminal.Drawing;

namespace Tui.Terminal.Rendering;

/// <summary>
/// Finds where the new frame is the old screen shifted up or down within a band of full-width rows
/// (a log pane following its output, or scrolled back), by comparing row hashes and confirming
/// candidates cell by cell. Any full-width band counts, so a bordered pane scrolls too (its border
/// columns are the same on every row); a pane beside another one does not, because a terminal
/// scroll region (DECSTBM) spans the whole width.
/// </summary>
internal static class ScrollDetector
{
    /// <summary>
    /// A scroll costs about 20 bytes (region, shift, region reset, a cursor move), so it is used only
    /// when it saves redrawing at least this many rows.
    /// </summary>
    public const int MinRowsSaved = 2;

    /// <summary>
    /// Looks for the next shift at or below <paramref name="start"/>. Returns the operation and the
    /// row to continue from, or null when there is none.
    /// </summary>
    public static (ScrollOperation Operation, int Next)? FindNext(
        CellBuffer screen, ReadOnlySpan<ulong> screenHashes, CellBuffer frame, ReadOnlySpan<ulong> frameHashes, ulong blankHash, int start)
    {
        int height = frameHashes.Length;
        for (int y = start; y < height; y++)
        {
            if (frameHashes[y] == screenHashes[y] || frameHashes[y] == blankHash) continue;
            int bestRun = 0, bestShift = 0;
            for (int n = 1; y + n < height; n++)
            {
                // Up: the new row y was the old row y+n.
                if (screenHashes[y + n] == frameHashes[y])
                {
                    int run = 1;
                    while (y + n + run < height && frameHashes[y + run] == screenHashes[y + n + run]) run++;
                    if (run > bestRun && Confirm(screen, frame, y + n, y, run)) (bestRun, bestShift) = (run, n);
                }
                // Down: the old row y is now row y+n.
                if (frameHashes[y + n] == screenHashes[y] && screenHashes[y] != blankHash)
                {
                    int run = 1;
                    while (y + n + run < height && frameHashes[y + n + run] == screenHashes[y + run]) run++;
                    if (run > bestRun && Confirm(screen, frame, y, y + n, run)) (bestRun, bestShift) = (run, -n);
                }
            }
            if (bestRun < MinRowsSaved) continue;
            int shift = Math.Abs(bestShift);
            var operation = new ScrollOperation(y, y + bestRun + shift - 1, bestShift);
            return (operation, operation.Bottom + 1);
        }
        return null;
    }

    /// <summary>Hashes match; check the cells, so a hash collision can never draw a wrong screen.</summary>
    private static bool Confirm(CellBuffer screen, CellBuffer frame, int screenRow, int frameRow, int rows)
    {
        for (int i = 0; i < rows; i++)
            if (!screen.RowBytes(screenRow + i).SequenceEqual(frame.RowBytes(frameRow + i))) return false;
        return true;
    }

    /// <summary>Applies the shift to a model of the screen (and its row hashes), as the terminal does.</summary>
    public static void Apply(CellBuffer screen, Span<ulong> hashes, ScrollOperation operation, ulong blankHash)
    {
        int width = screen.Width;
        int shift = Math.Abs(operation.Lines);
        int rows = operation.Bottom - operation.Top + 1 - shift;
        var cells = screen.Cells;
        int moveFrom = operation.Lines > 0 ? operation.Top + shift : operation.Top;
        int moveTo = operation.Lines > 0 ? operation.Top : operation.Top + shift;
        int blankFrom = operation.Lines > 0 ? operation.Top + rows : operation.Top;
        cells.Slice(moveFrom * width, rows * width).CopyTo(cells.Slice(moveTo * width));
        hashes.Slice(moveFrom, rows).CopyTo(hashes.Slice(moveTo));
        cells.Slice(blankFrom * width, shift * width).Fill(Cell.Blank);
        hashes.Slice(blankFrom, shift).Fill(blankHash);
    }

    /// <summary>A 64-bit hash of a row's bytes (FNV-style over 8-byte words; cells have no padding, so equal rows hash equal).</summary>
    public static ulong RowHash(ReadOnlySpan<byte> row)
    {
        const ulong Prime = 0x100000001B3;
        ulong hash = 0xCBF29CE484222325;
        foreach (ulong word in System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(row))
            hash = (hash ^ word) * Prime;
        return hash ^ (hash >> 29);
    }
}
