using System.Globalization;

namespace Tui.Core.Limits;

/// <summary>How limit figures read in a reason: "memory 530 MB > 512 MB", "cpu 97% > 90%".</summary>
public static class LimitText
{
    /// <summary>Decimal units, as people say them of memory limits; whole numbers from 10 up, one decimal below.</summary>
    public static string Memory(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        var format = value >= 10 || unit == 0 ? "0" : "0.#";
        return $"{value.ToString(format, CultureInfo.InvariantCulture)} {units[unit]}";
    }

    public static string Cpu(double percent) => $"{percent.ToString(percent >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture)}%";
}
