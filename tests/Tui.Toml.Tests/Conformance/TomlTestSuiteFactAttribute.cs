namespace Tui.Toml.Tests.Conformance;

/// <summary>A fact that is skipped, with a message naming the missing folder, when the toml-test suite is absent.</summary>
public sealed class TomlTestSuiteFactAttribute : FactAttribute
{
    public TomlTestSuiteFactAttribute()
    {
        if (TomlTestSuite.Directory is null)
            Skip = $"the toml-test suite was not found: no '{TomlTestSuite.RelativeLocation}' folder beside the repository (looked upwards from the test's base directory)";
    }
}
