namespace Tui.Core.Protocol;

/// <summary>A parsed message, or why the input is not one.</summary>
public readonly record struct ParseResult(ChildMessage? Message, string? Error)
{
    public static ParseResult Ok(ChildMessage message) => new(message, null);
    public static ParseResult Bad(string error) => new(null, error);
}
