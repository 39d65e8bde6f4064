using System.Text.Json;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;

/// <summary>Reads a W3C JSON-LD test manifest (toRdf or expand) and decides which entries we skip, and why.</summary>
internal static class JsonLdSuiteManifest
{
    public static IReadOnlyList<JsonLdSuiteEntry> Load(string manifestFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestVectors.Path("jsonld-tordf", manifestFile)));
        var entries = new List<JsonLdSuiteEntry>();
        foreach (var item in document.RootElement.GetProperty("sequence").EnumerateArray())
        {
            var types = item.GetProperty("@type").EnumerateArray().Select(t => t.GetString()!).ToList();
            var option = item.TryGetProperty("option", out var o) ? o.Clone() : (JsonElement?)null;
            entries.Add(new JsonLdSuiteEntry
            {
                Id = item.GetProperty("@id").GetString()!,
                Name = item.GetProperty("name").GetString()!,
                Kind = types.Contains("jld:PositiveEvaluationTest") ? SuiteTestKind.Positive
                    : types.Contains("jld:NegativeEvaluationTest") ? SuiteTestKind.Negative
                    : SuiteTestKind.Syntax,
                Input = item.GetProperty("input").GetString()!,
                Expect = item.TryGetProperty("expect", out var expect) ? expect.GetString() : null,
                ExpectErrorCode = item.TryGetProperty("expectErrorCode", out var code) ? code.GetString() : null,
                Base = option is { } b1 && b1.TryGetProperty("base", out var baseValue) ? baseValue.GetString() : null,
                ExpandContext = option is { } b2 && b2.TryGetProperty("expandContext", out var ec) ? ec.GetString() : null,
                SkipReason = SkipReason(item, option),
            });
        }

        return entries;
    }

    /// <summary>The one place that lists what we deliberately do not support.</summary>
    private static string? SkipReason(JsonElement item, JsonElement? option)
    {
        if (option is { } o)
        {
            if (o.TryGetProperty("specVersion", out var spec) && spec.GetString() == "json-ld-1.0")
            {
                return "JSON-LD 1.0-only behaviour; we implement JSON-LD 1.1 processing.";
            }

            if (o.TryGetProperty("processingMode", out var mode) && mode.GetString() == "json-ld-1.0")
            {
                return "processingMode json-ld-1.0 is not supported (1.1 only).";
            }

            if (o.TryGetProperty("produceGeneralizedRdf", out var generalized) && generalized.GetBoolean())
            {
                return "Generalized RDF (blank node predicates) is not produced.";
            }

            if (o.TryGetProperty("rdfDirection", out _))
            {
                return "rdfDirection (i18n-datatype / compound-literal) is non-normative and not supported.";
            }
        }

        if (item.TryGetProperty("requires", out var requires))
        {
            return $"Requires {requires.GetString()}, which is not supported.";
        }

        return null;
    }
}

internal enum SuiteTestKind
{
    Positive,
    Negative,
    Syntax,
}

internal sealed record JsonLdSuiteEntry
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required SuiteTestKind Kind { get; init; }

    public required string Input { get; init; }

    public string? Expect { get; init; }

    public string? ExpectErrorCode { get; init; }

    public string? Base { get; init; }

    public string? ExpandContext { get; init; }

    public string? SkipReason { get; init; }
}
