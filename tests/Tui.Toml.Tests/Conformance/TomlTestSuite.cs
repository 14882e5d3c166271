namespace Tui.Toml.Tests.Conformance;

/// <summary>One case of the toml-test suite: its name (path without extension, e.g. valid/float/zero) and files.</summary>
public sealed record TomlTestCase(string Name, string TomlPath, string? ExpectedJsonPath)
{
    public bool IsValid => ExpectedJsonPath is not null;
}

/// <summary>
/// Finds the toml-test data: a <c>shared/toml-test</c> folder beside the repository, found by walking up
/// from the test's base directory, so no machine path is written anywhere.
/// </summary>
public static class TomlTestSuite
{
    public const string RelativeLocation = "shared/toml-test";

    private static readonly Lazy<string?> LazyDirectory = new(Find);

    /// <summary>The suite's root folder, or null when it is not there.</summary>
    public static string? Directory => LazyDirectory.Value;

    public static IReadOnlyList<TomlTestCase> ValidCases() => Cases("valid", withJson: true);

    public static IReadOnlyList<TomlTestCase> InvalidCases() => Cases("invalid", withJson: false);

    private static IReadOnlyList<TomlTestCase> Cases(string set, bool withJson)
    {
        var root = Directory ?? throw new InvalidOperationException($"the toml-test suite ({RelativeLocation}) was not found");
        return System.IO.Directory.EnumerateFiles(Path.Combine(root, set), "*.toml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var name = Path.ChangeExtension(Path.GetRelativePath(root, path), null).Replace('\\', '/');
                var json = withJson ? Path.ChangeExtension(path, ".json") : null;
                return new TomlTestCase(name, path, json);
            })
            .ToList();
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "toml-test");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "valid")) && System.IO.Directory.Exists(Path.Combine(candidate, "invalid")))
                return candidate;
        }
        return null;
    }
}
