using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Rdf;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;

/// <summary>The W3C JSON-LD 1.1 toRdf suite, one case per manifest entry; datasets compared after RDFC-1.0.</summary>
public sealed class ToRdfSuiteTests
{
    private static readonly Lazy<IReadOnlyList<JsonLdSuiteEntry>> Entries = new(() => JsonLdSuiteManifest.Load("toRdf-manifest.jsonld"));
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
    public void ToRdf_W3cSuite(string id)
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

        switch (entry.Kind)
        {
            case SuiteTestKind.Negative:
                var error = Assert.Throws<JsonLdException>(() => Processor.ToRdf(input, options));
                Assert.Equal(entry.ExpectErrorCode, error.ErrorCode);
                break;
            case SuiteTestKind.Syntax:
                Processor.ToRdf(input, options);
                break;
            default:
                var expected = NQuadsParser.Parse(File.ReadAllText(TestVectors.Path("jsonld-tordf", entry.Expect!)));
                var actual = Processor.ToRdf(input, options);
                Assert.Equal(
                    Rdfc10Canonicalizer.Canonicalize([.. expected]).NQuads,
                    Rdfc10Canonicalizer.Canonicalize([.. actual]).NQuads);
                break;
        }
    }
}
