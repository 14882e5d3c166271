using Tui.Toml;

namespace Tui.Core.Config.Variables;

/// <summary>How a dotenv value was quoted: single quotes are literal, the others are interpolated.</summary>
internal enum DotEnvQuoting { None, Single, Double }

/// <summary>One KEY=value line of a dotenv file, before interpolation.</summary>
/// <param name="Value">The value with quotes removed and escapes of a double-quoted value applied (a "\$" is kept as "$$" for the interpolator).</param>
internal sealed record DotEnvEntry(string Key, string Value, DotEnvQuoting Quoting, TomlPosition KeyPosition, TomlPosition ValuePosition);
