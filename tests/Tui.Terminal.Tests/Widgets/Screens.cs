using Tui.Terminal.Drawing;

namespace Tui.Terminal.Tests.Widgets;

/// <summary>Buffers for widget tests: pre-filled with 'x' so cells a widget did not touch stay visible.</summary>
internal static class Screens
{
    public static CellBuffer Filled(int width, int height)
    {
        var buffer = new CellBuffer(width, height);
        buffer.Fill(buffer.Area, "x", Style.Default);
        return buffer;
    }
}
