using LtiBadgeBridge.Testing.Credentials;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

public sealed class MicroCredentialContextTests
{
    [Fact]
    public void Document_DefinesEveryTermTheBuilderWrites_WithAbsoluteIris()
    {
        var context = JsonNode.Parse(MicroCredentialContext.Document)!["@context"]!.AsObject();
        var achievement = OpenBadgeCredentialBuilder.Build(PilotCredential.Input(extensionContext: MicroCredentialContext.UrlFor(PilotCredential.BaseUrl)) with
        {
            Achievement = PilotCredential.Achievement with
            {
                MicroCredential = PilotCredential.Achievement.MicroCredential! with { Prerequisites = "None", Stackability = "Counts toward the Cloud certificate" },
            },
        })["credentialSubject"]!["achievement"]!.AsObject();
        var standard = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "type", "achievementType", "name", "description", "criteria", "image", "alignment", "resultDescription",
            "creditsAvailable", "humanCode", "fieldOfStudy", "inLanguage", "tag",
        };

        foreach (var (name, _) in achievement.Where(p => !standard.Contains(p.Key)))
        {
            var iri = (string?)context[name]?["@id"];
            Assert.StartsWith(MicroCredentialContext.Vocabulary, iri, StringComparison.Ordinal);
        }

        Assert.Equal(6, achievement.Count(p => !standard.Contains(p.Key)));
    }

    [Fact]
    public void Sha256_IsThePinOfTheServedBytes_AndNeverChanges()
    {
        // Credentials signed with Data Integrity depend on these exact bytes: publish a v2 document instead of editing.
        Assert.Equal("6c7635d89ff4aeb4ffe9df594ee133d49e99437a3c343cee6a9a1a9727217d80", MicroCredentialContext.Sha256);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(MicroCredentialContext.Bytes())),
            MicroCredentialContext.Sha256);
        Assert.DoesNotContain('\r', MicroCredentialContext.Document);
    }
}
