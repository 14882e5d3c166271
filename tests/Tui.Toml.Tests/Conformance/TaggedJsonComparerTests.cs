namespace Tui.Toml.Tests.Conformance;

/// <summary>The comparison used by the conformance test finds real differences and forgives only what toml-test forgives.</summary>
public sealed class TaggedJsonComparerTests
{
    private static string? Difference(string expected, string actual)
    {
        using var e = TaggedJsonComparer.ParseJson(expected);
        using var a = TaggedJsonComparer.ParseJson(actual);
        return TaggedJsonComparer.Difference(e.RootElement, a.RootElement);
    }

    private static string Scalar(string type, string value) => $$"""{"type": "{{type}}", "value": "{{value}}"}""";

    [Theory]
    [InlineData("float", "1e+06", "1000000.0")]
    [InlineData("float", "-0", "0")]
    [InlineData("float", "nan", "-nan")]
    [InlineData("float", "+inf", "inf")]
    [InlineData("bool", "true", "TRUE")]
    [InlineData("datetime", "1987-07-05T17:45:56.600+08:00", "1987-07-05 09:45:56.6z")]
    [InlineData("datetime-local", "1979-05-27T00:32:00.999", "1979-05-27t00:32:00.999000")]
    [InlineData("time-local", "00:32:00", "00:32:00.000")]
    public void Equivalent_spellings_are_equal(string type, string expected, string actual)
    {
        Assert.Null(Difference(Scalar(type, expected), Scalar(type, actual)));
    }

    [Theory]
    [InlineData("float", "inf", "-inf")]
    [InlineData("float", "nan", "0")]
    [InlineData("float", "0.1", "0.10000000000000002")]
    [InlineData("integer", "255", "0xff")]
    [InlineData("string", "a", "A")]
    [InlineData("datetime", "1987-07-05T17:45:56Z", "1987-07-05T17:45:56+01:00")]
    [InlineData("time-local", "00:32:00.001", "00:32:00")]
    public void Different_values_are_reported(string type, string expected, string actual)
    {
        Assert.NotNull(Difference(Scalar(type, expected), Scalar(type, actual)));
    }

    [Fact]
    public void Structure_differences_name_the_path()
    {
        var yes = Scalar("bool", "true");
        Assert.Equal("$.a: missing key(s) c", Difference("{\"a\": {\"b\": " + yes + ", \"c\": []}}", "{\"a\": {\"b\": " + yes + "}}"));
        Assert.Equal("$.a: expected 2 elements, got 1", Difference("""{"a": [[], []]}""", """{"a": [[]]}"""));
        Assert.Equal("$.a: expected type integer, got float", Difference($$"""{"a": {{Scalar("integer", "1")}}}""", $$"""{"a": {{Scalar("float", "1")}}}"""));
        Assert.Contains("expected a table", Difference("""{"a": {}}""", $$"""{"a": {{Scalar("string", "")}}}"""));
        Assert.Null(Difference("""{"x": [], "y": {}}""", """{"y": {}, "x": []}"""));
    }
}
