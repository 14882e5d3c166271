using System.Collections.Immutable;
using System.Text.Json;
using Tui.Core.Config;
using Tui.Core.Protocol;

namespace Tui.Core.Tests.Protocol;

/// <summary>Events checked against their schemas: declared names, field types, required and optional, unknown fields.</summary>
public sealed class EventValidatorTests
{
    private static readonly ImmutableDictionary<string, EventSchema> Schemas = new Dictionary<string, EventSchema>
    {
        ["epoch"] = new("epoch", [new("n", EventFieldType.Integer, false), new("loss", EventFieldType.Number, false), new("note", EventFieldType.String, true),
            new("tags", EventFieldType.Array, true), new("meta", EventFieldType.Object, true), new("ok", EventFieldType.Boolean, true), new("raw", EventFieldType.Any, true)]),
    }.ToImmutableDictionary();

    private static string? Validate(string name, string json) => EventValidator.Validate(name, JsonDocument.Parse(json).RootElement, Schemas);

    [Fact]
    public void Data_that_matches_is_valid()
    {
        Assert.Null(Validate("epoch", "{\"n\":3,\"loss\":0.5}"));
        Assert.Null(Validate("epoch", "{\"n\":3,\"loss\":1,\"note\":\"x\",\"tags\":[1],\"meta\":{},\"ok\":true,\"raw\":[{}]}"));
        Assert.Null(Validate("epoch", "{\"n\":3,\"loss\":1,\"note\":null}"));
    }

    [Fact]
    public void Progress_is_always_declared()
    {
        Assert.Null(Validate("progress", "{\"percent\":42}"));
        Assert.Null(Validate("progress", "{\"percent\":42.5,\"message\":\"batch 3\"}"));
        Assert.Equal("event \"progress\": percent must be between 0 and 100, not 142", Validate("progress", "{\"percent\":142}"));
        Assert.Equal("event \"progress\" is missing percent (a number)", Validate("progress", "{}"));
    }

    [Theory]
    [InlineData("loss", "{\"n\":3}", "event \"epoch\" is missing loss (a number)")]
    [InlineData("type", "{\"n\":3.5,\"loss\":1}", "event \"epoch\": n must be an integer, not a number")]
    [InlineData("string", "{\"n\":3,\"loss\":\"high\"}", "event \"epoch\": loss must be a number, not a string")]
    [InlineData("unknown", "{\"n\":3,\"loss\":1,\"los\":2}", "event \"epoch\" has no field \"los\"")]
    [InlineData("null", "{\"n\":null,\"loss\":1}", "event \"epoch\": n must be an integer, not null")]
    [InlineData("boolean", "{\"n\":1,\"loss\":1,\"ok\":\"yes\"}", "event \"epoch\": ok must be a boolean, not a string")]
    public void Data_that_does_not_match_is_invalid(string what, string json, string expected)
    {
        _ = what;
        Assert.Equal(expected, Validate("epoch", json));
    }

    [Fact]
    public void An_undeclared_event_is_invalid_and_the_declared_ones_are_named() =>
        Assert.Equal("event \"epohc\" is not declared (declared: epoch, progress)", Validate("epohc", "{}"));
}
