using Tui.Toml.Decoder;
using Xunit.Abstractions;

namespace Tui.Toml.Tests.Conformance;

/// <summary>
/// Runs every case of the toml-test suite (TOML 1.0.0 selection) in-process. Tomlyn reads TOML 1.1, which allows
/// a few things 1.0 does not: those invalid cases are named here and must be accepted (a change either way fails).
/// </summary>
public sealed class TomlTestConformanceTests(ITestOutputHelper output)
{
    /// <summary>The toml-test 1.0 invalid cases that TOML 1.1 made valid, with what 1.1 allows.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedByToml11 = new Dictionary<string, string>
    {
        ["invalid/datetime/no-secs"] = "a time without seconds",
        ["invalid/local-datetime/no-secs"] = "a time without seconds",
        ["invalid/local-time/no-secs"] = "a time without seconds",
        ["invalid/inline-table/linebreak-01"] = "newlines in an inline table",
        ["invalid/inline-table/linebreak-02"] = "newlines in an inline table",
        ["invalid/inline-table/linebreak-03"] = "newlines in an inline table",
        ["invalid/inline-table/linebreak-04"] = "newlines in an inline table",
        ["invalid/inline-table/trailing-comma"] = "a trailing comma in an inline table",
        ["invalid/string/basic-byte-escapes"] = "the \\xHH escape",
    };

    [TomlTestSuiteFact]
    public void Every_valid_case_decodes_to_the_expected_document_and_every_invalid_case_is_rejected()
    {
        var valid = TomlTestSuite.ValidCases();
        var invalid = TomlTestSuite.InvalidCases();
        var failures = new List<string>();

        var validPassed = valid.Count(testCase => Check(testCase, DecodesAsExpected, failures));
        var allowed = invalid.Where(testCase => AllowedByToml11.ContainsKey(testCase.Name)).ToList();
        var invalidPassed = invalid.Except(allowed).Count(testCase => Check(testCase, IsRejected, failures));
        var allowedAccepted = allowed.Count(testCase => Check(testCase, IsAccepted, failures));

        output.WriteLine($"valid {validPassed}/{valid.Count}, invalid {invalidPassed}/{invalid.Count - allowed.Count} rejected; " +
            $"{allowedAccepted}/{AllowedByToml11.Count} that TOML 1.1 allows accepted:");
        foreach (var (name, reason) in AllowedByToml11)
            output.WriteLine($"  {name}: {reason}");
        Assert.Equal(AllowedByToml11.Count, allowed.Count);
        foreach (var failure in failures)
            output.WriteLine(failure);
        Assert.NotEmpty(valid);
        Assert.NotEmpty(invalid);
        Assert.True(failures.Count == 0,
            $"valid {validPassed}/{valid.Count}, invalid {invalidPassed}/{invalid.Count}; failing cases:\n{string.Join("\n", failures)}");
    }

    private static bool Check(TomlTestCase testCase, Func<TomlTestCase, string?> check, List<string> failures)
    {
        var problem = check(testCase);
        if (problem is null)
            return true;
        failures.Add($"{testCase.Name}: {problem}");
        return false;
    }

    /// <summary>Null when the case decodes to its expected JSON; otherwise what went wrong.</summary>
    private static string? DecodesAsExpected(TomlTestCase testCase)
    {
        string json;
        try
        {
            json = TaggedJsonEncoder.Encode(TomlParser.Parse(File.ReadAllBytes(testCase.TomlPath), testCase.Name));
        }
        catch (Exception error)
        {
            return $"rejected: {error.GetType().Name}: {error.Message}";
        }
        using var expected = TaggedJsonComparer.ParseJson(File.ReadAllText(testCase.ExpectedJsonPath!));
        using var actual = TaggedJsonComparer.ParseJson(json);
        return TaggedJsonComparer.Difference(expected.RootElement, actual.RootElement);
    }

    private static string? IsAccepted(TomlTestCase testCase)
    {
        try
        {
            TomlParser.Parse(File.ReadAllBytes(testCase.TomlPath), testCase.Name);
            return null;
        }
        catch (Exception error)
        {
            return $"TOML 1.1 allows it ({AllowedByToml11[testCase.Name]}), but it was rejected: {error.Message}";
        }
    }

    /// <summary>Null when parsing fails with a TomlException; anything else (acceptance, another exception) is a miss.</summary>
    private static string? IsRejected(TomlTestCase testCase)
    {
        try
        {
            TomlParser.Parse(File.ReadAllBytes(testCase.TomlPath), testCase.Name);
            return "accepted, but it is invalid TOML";
        }
        catch (TomlException)
        {
            return null;
        }
        catch (Exception error)
        {
            return $"threw {error.GetType().Name} instead of TomlException: {error.Message}";
        }
    }
}
