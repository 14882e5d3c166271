using System.Globalization;
using System.Text;

namespace Tui.App.Export.Systemd;

/// <summary>
/// The names of the exported units: <c>tui-STACK-NAME.service</c> (and <c>.timer</c>) per process,
/// <c>tui-STACK-GROUP.target</c> per group, <c>tui-STACK.target</c> for the whole stack. The prefix keeps them apart
/// from the machine's other units and from another stack's; replicas keep their own names (api-1, api-2).
/// </summary>
internal sealed class UnitNames(string stack)
{
    /// <summary>The stack's own target: it wants every group target and ungrouped process, and is the one to enable.</summary>
    public string StackTarget => $"tui-{Escape(stack)}.target";

    public string Service(string process) => $"tui-{Escape(stack)}-{Escape(process)}.service";

    public string Timer(string process) => $"tui-{Escape(stack)}-{Escape(process)}.timer";

    public string GroupTarget(string group) => $"tui-{Escape(stack)}-{Escape(group)}.target";

    /// <summary>
    /// Unit names allow letters, digits and ":_.-" (and "\" for escapes); anything else is written as \xNN of its
    /// UTF-8 bytes, as systemd-escape does. Process names already fit ([A-Za-z0-9._-]); group and stack names may not.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '.' or '-') escaped.Append(c);
            else escaped.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}
