namespace Tui.Terminal.Drawing;

public enum Alignment { Left, Center, Right }
