namespace Tui.Terminal.Drawing;

/// <summary>How much of one axis a layout slot wants. See <see cref="Layout"/>.</summary>
public readonly record struct Constraint(ConstraintKind Kind, int Value)
{
    /// <summary>Exactly <paramref name="cells"/> cells (less if the area is too small).</summary>
    public static Constraint Length(int cells) => new(ConstraintKind.Length, cells);

    /// <summary>A percentage of the whole axis.</summary>
    public static Constraint Percentage(int percent) => new(ConstraintKind.Percentage, percent);

    /// <summary>At least <paramref name="cells"/> cells, and a share of what is left like <see cref="Fill"/> with weight 1.</summary>
    public static Constraint Min(int cells) => new(ConstraintKind.Min, cells);

    /// <summary>A share of the space left after the fixed slots, proportional to <paramref name="weight"/>.</summary>
    public static Constraint Fill(int weight = 1) => new(ConstraintKind.Fill, weight);
}

public enum ConstraintKind { Length, Percentage, Min, Fill }
