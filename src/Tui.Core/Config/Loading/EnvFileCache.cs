using Tui.Core.Config.Variables;
using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>A loaded env file with its text, for quoting lines in errors.</summary>
internal sealed record LoadedEnvFile(string FullPath, DotEnvFile File, SourceText Source);

/// <summary>
/// Reads each env file once per load, however many processes (or replicas) name it, and reports a missing or
/// malformed file once.
/// </summary>
internal sealed class EnvFileCache(string configPath, string baseDirectory, ErrorList errors)
{
    private readonly Dictionary<string, LoadedEnvFile?> _files = new(StringComparer.Ordinal);

    /// <summary>Every env file named by the config, in the order first named.</summary>
    public IEnumerable<string> FullPaths => _files.Keys;

    /// <summary>The file named by <paramref name="pathNode"/>, or null (with the error recorded) when it cannot be read.</summary>
    public LoadedEnvFile? Get(TomlString pathNode)
    {
        var fullPath = Paths.Resolve(baseDirectory, pathNode.Value)!;
        if (_files.TryGetValue(fullPath, out var cached))
        {
            if (cached is null) Report(pathNode, fullPath);
            return cached;
        }

        LoadedEnvFile? loaded = null;
        if (File.Exists(fullPath))
        {
            try
            {
                var text = File.ReadAllText(fullPath);
                var source = new SourceText(Paths.Display(configPath, pathNode.Value), text);
                var file = DotEnvParser.Parse(source, text);
                foreach (var error in file.Errors) errors.Add(error);
                loaded = new LoadedEnvFile(fullPath, file, source);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(pathNode.Position, $"cannot read env file \"{pathNode.Value}\": {e.Message}");
                _files[fullPath] = null;
                return null;
            }
        }
        _files[fullPath] = loaded;
        if (loaded is null) Report(pathNode, fullPath);
        return loaded;
    }

    private void Report(TomlString pathNode, string fullPath) =>
        errors.Add(pathNode.Position, $"env file \"{pathNode.Value}\" not found (looked for {fullPath})");
}
