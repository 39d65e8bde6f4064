using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;

/// <summary>The W3C JSON-LD 1.1 expand suite, one case per manifest entry; arrays compared as sets except @list.</summary>
public sealed class ExpandSuiteTests
{
    private static readonly Lazy<IReadOnlyList<JsonLdSuiteEntry>> Entries = new(() => JsonLdSuiteManifest.Load("expand-manifest.jsonld"));
    private static readonly JsonLdProcessor Processor = new(new SuiteDocumentLoader());

    public static TheoryData<string> TestIds()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries.Value)
        {
            data.Add(entry.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestIds))]
    public void Expand_W3cSuite(string id)
    {
        var entry = Entries.Value.Single(e => e.Id == id);
        Assert.SkipWhen(entry.SkipReason is not null, entry.SkipReason ?? string.Empty);
        var options = new JsonLdOptions
        {
            Base = entry.Base ?? SuiteDocumentLoader.SuiteBase + entry.Input,
            ExpandContext = entry.ExpandContext is null
                ? null
                : JsonNode.Parse(File.ReadAllText(TestVectors.Path("jsonld-tordf", entry.ExpandContext))),
        };
        var input = JsonNode.Parse(File.ReadAllText(TestVectors.Path("jsonld-tordf", entry.Input)));

        if (entry.Kind == SuiteTestKind.Negative)
        {
            var error = Assert.Throws<JsonLdException>(() => Processor.Expand(input, options));
            Assert.Equal(entry.ExpectErrorCode, error.ErrorCode);
            return;
        }

        var actual = Processor.Expand(input, options);
        var expected = JsonNode.Parse(File.ReadAllText(TestVectors.Path("jsonld-tordf", entry.Expect!)));
        Assert.True(SameExpanded(expected, actual, inList: false), $"Expected {expected?.ToJsonString()}\nActual   {actual.ToJsonString()}");
    }

    private static bool SameExpanded(JsonNode? expected, JsonNode? actual, bool inList)
    {
        switch (expected)
        {
            case null:
                return actual is null;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject || expectedObject.Count != actualObject.Count)
                {
                    return false;
                }

                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(key, out var other) || !SameExpanded(value, other, key == "@list"))
                    {
                        return false;
                    }
                }

                return true;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || expectedArray.Count != actualArray.Count)
                {
                    return false;
                }

                if (inList)
                {
                    return expectedArray.Select((item, i) => SameExpanded(item, actualArray[i], false)).All(same => same);
                }

                var unmatched = actualArray.ToList();
                foreach (var item in expectedArray)
                {
                    var match = unmatched.FindIndex(candidate => SameExpanded(item, candidate, false));
                    if (match < 0)
                    {
                        return false;
                    }

                    unmatched.RemoveAt(match);
                }

                return true;
            default:
                if (actual is not JsonValue actualValue)
                {
                    return false;
                }

                var expectedKind = expected.GetValueKind();
                return expectedKind == JsonValueKind.Number && actualValue.GetValueKind() == JsonValueKind.Number
                    ? expected.GetValue<double>() == actualValue.GetValue<double>()
                    : JsonNode.DeepEquals(expected, actual);
        }
    }
}
