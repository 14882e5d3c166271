using Tui.Toml.Decoder;
using Xunit.Abstractions;

namespace Tui.Toml.Tests.Conformance;

/// <summary>Runs every case of the toml-test suite (TOML 1.0.0 selection) in-process.</summary>
public sealed class TomlTestConformanceTests(ITestOutputHelper output)
{
    [TomlTestSuiteFact]
    public void Every_valid_case_decodes_to_the_expected_document_and_every_invalid_case_is_rejected()
    {
        var valid = TomlTestSuite.ValidCases();
        var invalid = TomlTestSuite.InvalidCases();
        var failures = new List<string>();

        var validPassed = valid.Count(testCase => Check(testCase, DecodesAsExpected, failures));
        var invalidPassed = invalid.Count(testCase => Check(testCase, IsRejected, failures));

        output.WriteLine($"valid {validPassed}/{valid.Count}, invalid {invalidPassed}/{invalid.Count}");
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
