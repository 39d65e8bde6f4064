using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Rdf;

namespace LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;

public sealed class JsonLdProcessorTests
{
    [Fact]
    public void ToRdf_ValuesBuiltFromDotNetTypes_MatchTheSameDocumentParsedFromText()
    {
        var built = new JsonObject
        {
            ["@context"] = new JsonArray(PinnedContexts.CredentialsV2, PinnedContexts.OpenBadgesV303),
            ["id"] = "urn:uuid:00000000-0000-0000-0000-000000000001",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = "https://example.edu/issuers/1", ["type"] = new JsonArray("Profile"), ["name"] = "Example" },
            ["validFrom"] = JsonValue.Create(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
            ["name"] = "Badge",
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["creditsEarned"] = JsonValue.Create(3),
                ["achievement"] = new JsonObject
                {
                    ["id"] = "https://example.edu/achievements/1",
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = "Cloud Computing",
                    ["criteria"] = new JsonObject { ["narrative"] = "Pass the course." },
                    ["creditsAvailable"] = JsonValue.Create(7.5m),
                },
            },
        };
        var parsed = JsonNode.Parse(built.ToJsonString());

        var fromBuilt = Rdfc10Canonicalizer.Canonicalize([.. ImportedContexts.Processor.ToRdf(built, new JsonLdOptions { Safe = true })]);
        var fromParsed = Rdfc10Canonicalizer.Canonicalize([.. ImportedContexts.Processor.ToRdf(parsed, new JsonLdOptions { Safe = true })]);

        Assert.Equal(fromParsed.NQuads, fromBuilt.NQuads);
        Assert.Contains("\"2026-01-02T03:04:05+00:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>", fromBuilt.NQuads, StringComparison.Ordinal);
        // The OB 3.0 context types credits as https://www.w3.org/2001/XMLSchema#float (sic, https); JSON-LD writes a
        // fractional number in canonical double form and a whole number as an integer, keeping that datatype.
        Assert.Contains("\"7.5E0\"^^<https://www.w3.org/2001/XMLSchema#float>", fromBuilt.NQuads, StringComparison.Ordinal);
        Assert.Contains("\"3\"^^<https://www.w3.org/2001/XMLSchema#float>", fromBuilt.NQuads, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRdf_OpenBadgeCredential_TypesAndAchievementExpandToTheOpenBadgesVocabulary()
    {
        var credential = JsonNode.Parse(
            """
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
              "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
              "issuer": {"id": "https://example.edu/issuers/1", "type": ["Profile"]},
              "validFrom": "2026-01-01T00:00:00Z",
              "credentialSubject": {"type": ["AchievementSubject"],
                "achievement": {"id": "https://example.edu/a/1", "type": ["Achievement"], "achievementType": "MicroCredential",
                  "name": "Cloud", "criteria": {"narrative": "n"}}}
            }
            """);

        var nquads = NQuadsSerializer.Serialize(ImportedContexts.Processor.ToRdf(credential, new JsonLdOptions { Safe = true }));

        Assert.Contains("<urn:uuid:1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential> .", nquads, StringComparison.Ordinal);
        Assert.Contains("<https://example.edu/a/1> <https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType> \"MicroCredential\"", nquads, StringComparison.Ordinal);
        Assert.Contains("<https://www.w3.org/2018/credentials#validFrom> \"2026-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>", nquads, StringComparison.Ordinal);
    }
}
