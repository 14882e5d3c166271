using System.Collections;
using System.Text;
using Tui.Core.Config.Loading;
using Tui.Toml;

namespace Tui.Core.Config;

/// <summary>
/// Reads a processes.toml into a validated <see cref="TuiConfig"/>. Every problem (TOML syntax, unknown keys, wrong
/// types, unknown dependencies, cycles, bad env files) comes out as one <see cref="ConfigException"/> listing them
/// all, each at its file:line:col.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads a config file; interpolation sees this process's environment.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable or invalid.</exception>
    public static TuiConfig Load(string path)
    {
        if (Directory.Exists(path)) throw new ConfigException($"{path} is a directory, not a config file");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException($"{path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read: {e.Message}");
        }

        TomlDocument document;
        try
        {
            document = TomlParser.Parse(bytes, path);
        }
        catch (TomlException e)
        {
            throw new ConfigException([e]);
        }
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        return ConfigReader.Read(document, new SourceText(path, text), path, CurrentEnvironment());
    }

    /// <summary>Reads config text as if it were the file <paramref name="sourcePath"/> (relative paths resolve beside it).</summary>
    /// <param name="parentEnvironment">What ${VAR} sees besides the config's own variables (the real environment in <see cref="Load"/>).</param>
    /// <exception cref="ConfigException">The text is invalid.</exception>
    public static TuiConfig Parse(string tomlText, string sourcePath, IReadOnlyDictionary<string, string> parentEnvironment)
    {
        TomlDocument document;
        try
        {
            document = TomlParser.Parse(tomlText, sourcePath);
        }
        catch (TomlException e)
        {
            throw new ConfigException([e]);
        }
        return ConfigReader.Read(document, new SourceText(sourcePath, tomlText), sourcePath, parentEnvironment);
    }

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        return environment;
    }
}
