using System.Collections.Immutable;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>Reads a parsed document into a <see cref="TuiConfig"/>, collecting every error before giving up.</summary>
internal static class ConfigReader
{
    public static TuiConfig Read(TomlDocument document, SourceText source, string sourcePath, IReadOnlyDictionary<string, string> parentEnv)
    {
        var errors = new ErrorList(source);
        var fullPath = Path.GetFullPath(sourcePath);
        var baseDirectory = Path.GetDirectoryName(fullPath)!;
        var envFiles = new EnvFileCache(sourcePath, baseDirectory, errors);

        var root = new TableReader(document.Root, "at the top level", ConfigKeys.Root, errors, misplacedHint: MisplacedAtTop);

        var settingsTable = root.Table("settings");
        var settings = SettingsReader.Read(
            settingsTable is null ? null : new TableReader(settingsTable, "in [settings]", ConfigKeys.Settings, errors), baseDirectory);

        var globalEnv = new EnvironmentBuilder([], parentEnv, ImmutableDictionary<string, string>.Empty, errors);
        if (root.Table("env") is { } env) globalEnv.AddTable(env, "env");
        foreach (var path in root.StringOrArray("env_file") ?? [])
        {
            if (envFiles.Get(path) is { } file) globalEnv.AddFile(file);
        }
        var globalValues = globalEnv.Values;

        var keys = ReadKeys(root.Table("keys"), errors);
        var drafts = ReadProcesses(document.Root, root, errors, baseDirectory);
        var processes = new ProcessAssembler(drafts, globalValues, parentEnv, envFiles, errors).Assemble();

        if (errors.Any) throw new ConfigException([.. errors.InOrder()]);
        return new TuiConfig(sourcePath, settings, globalValues, processes, keys, [fullPath, .. envFiles.FullPaths]);
    }

    private static string? MisplacedAtTop(string key) =>
        ConfigKeys.Settings.Contains(key) ? $"; `{key}` belongs in [settings]"
        : ConfigKeys.Process.Contains(key) ? $"; `{key}` is a process setting and belongs in a [processes.NAME] table"
        : null;

    /// <summary>[keys]: action = key text. Only the shape is checked here; the monitor knows the action and key names.</summary>
    private static ImmutableDictionary<string, string> ReadKeys(TomlTable? table, ErrorList errors)
    {
        var keys = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (table is null) return keys.ToImmutable();
        foreach (var (action, node) in table)
        {
            if (node is TomlString { Value.Length: > 0 } s) keys[action] = s.Value;
            else errors.Add(node.Position, $"keys.{action} must be a key such as \"ctrl+r\", not {TableReader.Describe(node)}");
        }
        return keys.ToImmutable();
    }

    private static List<ProcessDraft> ReadProcesses(TomlTable rootTable, TableReader root, ErrorList errors, string baseDirectory)
    {
        var drafts = new List<ProcessDraft>();
        var table = root.Table("processes");
        if (table is null)
        {
            if (!rootTable.ContainsKey("processes"))
                errors.Add(new TomlPosition(1, 1), "no processes defined; add a [processes.NAME] table with a command");
            return drafts;
        }
        foreach (var (name, node) in table)
        {
            if (node is TomlTable processTable)
                drafts.Add(ProcessReader.Read(name, table.KeyPosition(name), processTable, errors, baseDirectory));
            else
                errors.Add(node.Position, $"processes.{name} must be a table ([processes.{name}] with a command), not {TableReader.Describe(node)}");
        }
        if (table.Count == 0)
            errors.Add(table.Position, "no processes defined; add a [processes.NAME] table with a command");
        return drafts;
    }
}
