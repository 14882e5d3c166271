using System.Collections.Immutable;
using Tui.Core.Config;

namespace Tui.App.Export.Systemd;

/// <summary>
/// The targets: one per group, wanting its members (PartOf= in each member makes stopping the group stop them), and
/// the stack's, wanting the groups and the ungrouped processes; only the stack target has an [Install] section, so
/// <c>systemctl enable tui-STACK.target</c> starts everything at boot (or login, with --user).
/// </summary>
internal static class TargetUnitWriter
{
    public static UnitFile Group(string group, IEnumerable<string> wants, TuiConfig config, SystemdExportOptions options, UnitNames names)
    {
        var lines = ImmutableArray.CreateBuilder<UnitLine>();
        lines.Add(UnitLine.Set("Description", UnitSyntax.Specifiers(UnitSyntax.OneLine($"{options.Stack}: group {group}"))));
        lines.Add(UnitLine.Set("PartOf", names.StackTarget));
        AddWants(lines, wants);
        return new UnitFile(names.GroupTarget(group), [ExportHeader.Generated(config), $"Group {group} of stack {options.Stack}."],
            [new UnitSection("Unit", lines.ToImmutable())]);
    }

    public static UnitFile Stack(IEnumerable<string> wants, IReadOnlyList<string> notes, TuiConfig config, SystemdExportOptions options, UnitNames names)
    {
        var lines = ImmutableArray.CreateBuilder<UnitLine>();
        lines.Add(UnitLine.Set("Description", UnitSyntax.Specifiers(UnitSyntax.OneLine($"Tui stack {options.Stack}"))));
        AddWants(lines, wants);
        var header = ImmutableArray.CreateBuilder<string>();
        header.Add(ExportHeader.Generated(config));
        header.Add($"Stack {options.Stack}: systemctl {(options.User ? "--user " : "")}start (or enable) this target.");
        header.AddRange(ExportHeader.Inexpressible(notes));
        return new UnitFile(names.StackTarget, header.ToImmutable(),
            [new UnitSection("Unit", lines.ToImmutable()), new UnitSection("Install", [UnitLine.Set("WantedBy", options.InstallTarget)])]);
    }

    private static void AddWants(ImmutableArray<UnitLine>.Builder lines, IEnumerable<string> wants)
    {
        var units = string.Join(' ', wants);
        if (units.Length > 0) lines.Add(UnitLine.Set("Wants", units));
    }
}
