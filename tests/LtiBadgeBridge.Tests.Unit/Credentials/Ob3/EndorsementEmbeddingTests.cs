using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Testing.Credentials;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

public sealed class EndorsementEmbeddingTests
{
    private const string Jws = "eyJhbGciOiJFUzI1NiJ9.eyJ0eXBlIjpbIkVuZG9yc2VtZW50Q3JlZGVudGlhbCJdfQ.c2ln";

    [Fact]
    public void Build_EndorsementsOfIssuerAndAchievement_GoWhereOb3PutsThem()
    {
        var json = new JsonObject { ["id"] = "urn:uuid:e1", ["type"] = new JsonArray("VerifiableCredential", "EndorsementCredential") };
        var input = PilotCredential.Input() with
        {
            Issuer = PilotCredential.Issuer with { Endorsements = [json], EndorsementJwts = [Jws] },
            Achievement = PilotCredential.Achievement with { EndorsementJwts = [Jws] },
        };

        var credential = OpenBadgeCredentialBuilder.Build(input);

        Assert.Equal("urn:uuid:e1", (string?)credential["issuer"]!["endorsement"]![0]!["id"]);
        Assert.Equal(Jws, (string?)credential["issuer"]!["endorsementJwt"]![0]);
        Assert.Equal(Jws, (string?)credential["credentialSubject"]!["achievement"]!["endorsementJwt"]![0]);
    }

    [Fact]
    public void WithoutJwtEndorsements_LeavesJsonEndorsementsAndTheOriginalUntouched()
    {
        var json = new JsonObject { ["id"] = "urn:uuid:e1" };
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input() with
        {
            Issuer = PilotCredential.Issuer with { Endorsements = [json], EndorsementJwts = [Jws] },
            Achievement = PilotCredential.Achievement with { EndorsementJwts = [Jws] },
        });

        var forJsonLd = OpenBadgeCredentialBuilder.WithoutJwtEndorsements(credential);

        Assert.Null(forJsonLd["issuer"]!["endorsementJwt"]);
        Assert.Null(forJsonLd["credentialSubject"]!["achievement"]!["endorsementJwt"]);
        Assert.NotNull(forJsonLd["issuer"]!["endorsement"]);
        Assert.NotNull(credential["issuer"]!["endorsementJwt"]);
        var plain = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        Assert.Same(plain, OpenBadgeCredentialBuilder.WithoutJwtEndorsements(plain));
    }
}
