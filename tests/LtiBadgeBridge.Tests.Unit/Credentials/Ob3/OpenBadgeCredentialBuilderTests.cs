using LtiBadgeBridge.Testing.Credentials;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

public sealed class OpenBadgeCredentialBuilderTests
{
    [Fact]
    public void Build_ContextsAndTypes_AreInTheRequiredOrder()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());

        Assert.Equal(
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"],
            Strings(credential["@context"]));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], Strings(credential["type"]));
    }

    [Fact]
    public void Build_SameAward_GivesTheSameJson()
    {
        var first = OpenBadgeCredentialBuilder.Build(PilotCredential.Input()).ToJsonString();
        var second = OpenBadgeCredentialBuilder.Build(PilotCredential.Input()).ToJsonString();

        Assert.Equal(first, second);
        Assert.StartsWith("urn:uuid:", (string)JsonNode.Parse(first)!["id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Dates_ValidFromAndAwardedDateWithoutValidUntil()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());

        Assert.Equal("2026-06-15T14:30:00Z", (string?)credential["validFrom"]);
        Assert.Equal("2026-06-15T14:30:00Z", (string?)credential["awardedDate"]);
        Assert.False(credential.ContainsKey("validUntil"));
    }

    [Fact]
    public void Build_ValidUntilGiven_IsWritten()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input() with { ValidUntil = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)) });

        Assert.Equal("2029-12-31T22:00:00Z", (string?)credential["validUntil"]);
    }

    [Fact]
    public void Build_Learner_IsIdentifiedByHashesOnly()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        var subject = credential["credentialSubject"]!;
        var text = credential.ToJsonString();

        Assert.Equal(CredentialIds.ForLearner("reg-1", "lti-user-7"), (string?)subject["id"]);
        var email = subject["identifier"]![0]!;
        Assert.Equal("emailAddress", (string?)email["identityType"]);
        Assert.Equal(IdentityHash.Sha256("ada.learner@example.com", "c0ffee"), (string?)email["identityHash"]);
        Assert.True((bool)email["hashed"]!);
        Assert.Equal("ltiUserId", (string?)subject["identifier"]![1]!["identityType"]);
        Assert.DoesNotContain("example.com\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lti-user-7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Achievement_CarriesEmployerMetadata()
    {
        var achievement = OpenBadgeCredentialBuilder.Build(PilotCredential.Input())["credentialSubject"]!["achievement"]!;

        Assert.Equal("MicroCredential", (string?)achievement["achievementType"]);
        Assert.Equal("Example Digital Skills Framework", (string?)achievement["alignment"]![0]!["targetFramework"]);
        Assert.Equal(1.5m, achievement["creditsAvailable"]!.GetValue<decimal>());
        Assert.Equal("CC-101", (string?)achievement["humanCode"]);
        Assert.Equal("en", (string?)achievement["inLanguage"]);
        Assert.Equal("https://badges.example.edu/achievements/reg-1/cloud-computing/criteria", (string?)achievement["criteria"]!["id"]);
        var narrative = (string)achievement["criteria"]!["narrative"]!;
        Assert.Contains("Workload: 27 hours", narrative, StringComparison.Ordinal);
        Assert.Contains("Delivery mode: Online, asynchronous", narrative, StringComparison.Ordinal);
        Assert.Null(achievement["workloadHours"]);
    }

    [Fact]
    public void Build_ExtensionContextEnabled_AddsContextLastAndMachineReadableTerms()
    {
        var url = MicroCredentialContext.UrlFor(PilotCredential.BaseUrl);
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input(extensionContext: url));
        var achievement = credential["credentialSubject"]!["achievement"]!;

        Assert.Equal("https://badges.example.edu/contexts/microcredential-v1.jsonld", Strings(credential["@context"])[^1]);
        Assert.Equal(27m, achievement["workloadHours"]!.GetValue<decimal>());
        Assert.Equal("Individual capstone project, rubric-assessed", (string?)achievement["assessmentType"]);
        Assert.Equal("Reviewed by the institution's curriculum committee", (string?)achievement["qualityAssurance"]);
    }

    [Fact]
    public void Build_ResultsEvidenceStatusAndSchema_AreWritten()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: 42));

        Assert.Equal("86", (string?)credential["credentialSubject"]!["result"]![0]!["value"]);
        Assert.EndsWith("#capstone-mastery", (string?)credential["credentialSubject"]!["result"]![1]!["achievedLevel"], StringComparison.Ordinal);
        Assert.Equal("https://git.example.com/ada/cloud-capstone", (string?)credential["evidence"]![0]!["id"]);
        var status = credential["credentialStatus"]!;
        Assert.Equal(("BitstringStatusListEntry", "revocation", "42"), ((string?)status["type"], (string?)status["statusPurpose"], (string?)status["statusListIndex"]));
        Assert.Equal("https://badges.example.edu/status/reg-1/1", (string?)status["statusListCredential"]);
        Assert.Equal("https://badges.example.edu/status/reg-1/1#42", (string?)status["id"]);
        Assert.Equal("1EdTechJsonSchemaValidator2019", (string?)credential["credentialSchema"]![0]!["type"]);
    }

    [Fact]
    public void Build_IssuerIsTheDidWebProfile()
    {
        var issuer = OpenBadgeCredentialBuilder.Build(PilotCredential.Input())["issuer"]!;

        Assert.Equal("did:web:badges.example.edu:issuers:reg-1", (string?)issuer["id"]);
        Assert.Equal(["Profile"], Strings(issuer["type"]));
        Assert.Equal("CA", (string?)issuer["address"]!["addressCountryCode"]);
    }

    private static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(n => (string)n!)];
}
