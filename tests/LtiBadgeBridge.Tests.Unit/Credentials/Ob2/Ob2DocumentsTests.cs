using LtiBadgeBridge.Testing.Credentials;
using LtiBadgeBridge.Credentials.Ob2;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Ob2;

public sealed class Ob2DocumentsTests
{
    private static readonly Uri IssuerUrl = new("https://badges.example.edu/ob2/issuers/reg-1");
    private static readonly Uri BadgeUrl = new("https://badges.example.edu/ob2/badges/cloud-computing");
    private static readonly Uri AssertionUrl = new("https://badges.example.edu/ob2/assertions/abc");

    [Fact]
    public void Assertion_IsHostedWithAHashedEmailRecipient()
    {
        var assertion = Ob2Documents.Assertion(AssertionUrl, BadgeUrl, "Ada.Learner@Example.com", "pepper", PilotCredential.AwardedAt, PilotCredential.Input().Evidence);

        Assert.Equal(("https://w3id.org/openbadges/v2", "Assertion", AssertionUrl.AbsoluteUri), ((string?)assertion["@context"], (string?)assertion["type"], (string?)assertion["id"]));
        var recipient = assertion["recipient"]!;
        Assert.Equal(("email", true, "pepper"), ((string?)recipient["type"], (bool)recipient["hashed"]!, (string?)recipient["salt"]));
        Assert.Equal(IdentityHash.Sha256("ada.learner@example.com", "pepper"), (string?)recipient["identity"]);
        Assert.DoesNotContain("Ada", assertion.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("hosted", (string?)assertion["verification"]!["type"]);
        Assert.Equal(BadgeUrl.AbsoluteUri, (string?)assertion["badge"]);
        Assert.Equal("2026-06-15T14:30:00Z", (string?)assertion["issuedOn"]);
        Assert.Equal("https://git.example.com/ada/cloud-capstone", (string?)assertion["evidence"]![0]!["id"]);
    }

    [Fact]
    public void RevokedAssertion_SaysRevokedWithReason_AndIsServedAs410()
    {
        var revoked = Ob2Documents.RevokedAssertion(AssertionUrl, "Academic misconduct");

        Assert.True((bool)revoked["revoked"]!);
        Assert.Equal("Academic misconduct", (string?)revoked["revocationReason"]);
        Assert.Null(revoked["recipient"]);
        Assert.Equal(410, Ob2Documents.StatusCodeFor(revoked: true));
        Assert.Equal(200, Ob2Documents.StatusCodeFor(revoked: false));
    }

    [Fact]
    public void BadgeClassAndIssuer_CarryCriteriaAlignmentAndContact()
    {
        var badge = Ob2Documents.BadgeClass(BadgeUrl, IssuerUrl, PilotCredential.Achievement, new Uri("https://badges.example.edu/img/cc.png"));
        var issuer = Ob2Documents.Issuer(IssuerUrl, PilotCredential.Issuer);

        Assert.Equal(("BadgeClass", IssuerUrl.AbsoluteUri), ((string?)badge["type"], (string?)badge["issuer"]));
        Assert.Contains("Workload: 27 hours", (string?)badge["criteria"]!["narrative"], StringComparison.Ordinal);
        Assert.Equal("DSF-CC-1", (string?)badge["alignment"]![0]!["targetCode"]);
        Assert.Equal(("Issuer", "badges@example.edu", "https://www.example.edu/"), ((string?)issuer["type"], (string?)issuer["email"], (string?)issuer["url"]));
    }
}
