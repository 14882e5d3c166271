using System.Collections.Immutable;

namespace Tui.App.Export.Systemd;

/// <summary>How to export: the stack name in the unit names, system or user units, where programs are looked up.</summary>
/// <param name="Stack">The middle of every unit name (tui-STACK-NAME.service); by default the config's folder name.</param>
/// <param name="User">Units for <c>systemctl --user</c>: the stack target is wanted by default.target, not multi-user.target.</param>
internal sealed record SystemdExportOptions(string Stack, bool User, ProgramPaths Programs)
{
    /// <summary>The target that starts the stack at boot (system) or login (user), once <c>systemctl enable</c>d.</summary>
    public string InstallTarget => User ? "default.target" : "multi-user.target";
}

/// <summary>Something of a process that the units do not do as Tui would; shown in the unit and on stderr.</summary>
internal sealed record ExportNote(string Process, string Text);

/// <summary>The units of one export (in a stable order) and what they cannot express.</summary>
internal sealed record SystemdExport(ImmutableArray<UnitFile> Units, ImmutableArray<ExportNote> Notes);
