using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A small bar chart of recent values, one bar per column, filled from the bottom. When there are
/// more values than columns, the newest (the end of <see cref="Data"/>) are shown. A positive value
/// is never drawn as nothing, so a little activity stays visible; zero is blank.
/// </summary>
public sealed record Sparkline(IReadOnlyList<double> Data) : IWidget
{
    /// <summary>The value of a full bar; the largest value shown when null.</summary>
    public double? Max { get; init; }
    public Style Style { get; init; }
    public SparklineMode Mode { get; init; } = SparklineMode.Blocks;

    private const string Eighths = " ▁▂▃▄▅▆▇█";
    private const int BlockLevelsPerRow = 8;
    private const int BrailleLevelsPerRow = 4;
    private const int BrailleValuesPerCell = 2;
    private const int BrailleBase = 0x2800;
    // Braille dot bits from the bottom row up, for the left and the right column of a cell.
    private static readonly int[] LeftDots = [0x40, 0x04, 0x02, 0x01];
    private static readonly int[] RightDots = [0x80, 0x20, 0x10, 0x08];

    public void Render(Rect area, CellBuffer buffer)
    {
        area = area.Intersect(buffer.Area);
        if (area.IsEmpty) return;
        int perCell = Mode == SparklineMode.Braille ? BrailleValuesPerCell : 1;
        int levelsPerRow = Mode == SparklineMode.Braille ? BrailleLevelsPerRow : BlockLevelsPerRow;
        int count = Math.Min(Data.Count, area.Width * perCell);
        int first = Data.Count - count;
        double max = Max ?? MaxOf(first);
        int totalLevels = area.Height * levelsPerRow;

        for (int column = 0; column * perCell < count; column++)
        {
            int left = Level(Data[first + column * perCell], max, totalLevels);
            int right = perCell == 2 && column * 2 + 1 < count ? Level(Data[first + column * 2 + 1], max, totalLevels) : 0;
            for (int row = 0; row < area.Height; row++)
            {
                int rowBase = (area.Height - 1 - row) * levelsPerRow; // levels below this row
                char symbol = Mode == SparklineMode.Braille
                    ? Braille(left - rowBase, right - rowBase)
                    : Eighths[Math.Clamp(left - rowBase, 0, BlockLevelsPerRow)];
                ref Cell cell = ref buffer[area.X + column, area.Y + row];
                cell.SymbolId = SymbolTable.IdOf(symbol);
                cell.SetStyle(Style);
            }
        }
    }

    private double MaxOf(int first)
    {
        double max = 0;
        for (int i = first; i < Data.Count; i++) if (Data[i] > max) max = Data[i];
        return max;
    }

    private static int Level(double value, double max, int levels)
    {
        if (!(value > 0) || !(max > 0)) return 0; // also catches NaN
        int level = (int)Math.Round(Math.Min(value, max) / max * levels);
        return Math.Max(1, level);
    }

    private static char Braille(int leftLevel, int rightLevel)
    {
        int bits = 0;
        for (int i = 0; i < BrailleLevelsPerRow; i++)
        {
            if (i < leftLevel) bits |= LeftDots[i];
            if (i < rightLevel) bits |= RightDots[i];
        }
        return (char)(BrailleBase + bits);
    }
}
