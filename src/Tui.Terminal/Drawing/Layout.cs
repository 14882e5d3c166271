namespace Tui.Terminal.Drawing;

/// <summary>
/// Splits an area into slots along one axis. A deliberately small solver: fixed slots
/// (Length, Percentage, the minimum of Min) are served first in order, then the space left is
/// shared among Min and Fill slots by weight; the last flexible slot takes the rounding rest.
/// </summary>
public static class Layout
{
    public static Rect[] Vertical(Rect area, params ReadOnlySpan<Constraint> constraints)
    {
        int[] sizes = Solve(area.Height, constraints);
        var result = new Rect[sizes.Length];
        int y = area.Y;
        for (int i = 0; i < sizes.Length; i++)
        {
            result[i] = new Rect(area.X, y, area.Width, sizes[i]);
            y += sizes[i];
        }
        return result;
    }

    public static Rect[] Horizontal(Rect area, params ReadOnlySpan<Constraint> constraints)
    {
        int[] sizes = Solve(area.Width, constraints);
        var result = new Rect[sizes.Length];
        int x = area.X;
        for (int i = 0; i < sizes.Length; i++)
        {
            result[i] = new Rect(x, area.Y, sizes[i], area.Height);
            x += sizes[i];
        }
        return result;
    }

    /// <summary>Sizes along an axis of <paramref name="total"/> cells; they never sum to more than total.</summary>
    public static int[] Solve(int total, ReadOnlySpan<Constraint> constraints)
    {
        var sizes = new int[constraints.Length];
        int remaining = Math.Max(0, total);
        int totalWeight = 0;
        for (int i = 0; i < constraints.Length; i++)
        {
            var c = constraints[i];
            int fixedPart = c.Kind switch
            {
                ConstraintKind.Length => Math.Max(0, c.Value),
                ConstraintKind.Percentage => Math.Max(0, total) * Math.Clamp(c.Value, 0, 100) / 100,
                ConstraintKind.Min => Math.Max(0, c.Value),
                _ => 0,
            };
            sizes[i] = Math.Min(fixedPart, remaining);
            remaining -= sizes[i];
            if (c.Kind is ConstraintKind.Min) totalWeight += 1;
            else if (c.Kind is ConstraintKind.Fill) totalWeight += Math.Max(0, c.Value);
        }
        if (totalWeight == 0 || remaining == 0) return sizes;

        int share = remaining;
        int lastFlexible = -1;
        for (int i = 0; i < constraints.Length; i++)
        {
            int weight = constraints[i].Kind switch
            {
                ConstraintKind.Min => 1,
                ConstraintKind.Fill => Math.Max(0, constraints[i].Value),
                _ => 0,
            };
            if (weight == 0) continue;
            int extra = share * weight / totalWeight;
            sizes[i] += extra;
            remaining -= extra;
            lastFlexible = i;
        }
        if (lastFlexible >= 0) sizes[lastFlexible] += remaining;
        return sizes;
    }
}
