namespace Tui.Terminal.Widgets;

public enum SparklineMode
{
    /// <summary>One value per cell column, eight levels per row: ▁▂▃▄▅▆▇█.</summary>
    Blocks,
    /// <summary>Two values per cell column, four levels per row, in braille dots: twice the resolution across.</summary>
    Braille,
}
