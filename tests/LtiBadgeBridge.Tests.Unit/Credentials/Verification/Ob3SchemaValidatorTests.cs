using LtiBadgeBridge.Testing.Credentials;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Verification;

/// <summary>Every credential shape we produce against the 1EdTech OB 3.0 JSON schemas in shared/vectors.</summary>
public sealed class Ob3SchemaValidatorTests
{
    private static readonly Ob3SchemaValidator Achievement =
        Ob3SchemaValidator.FromDirectory(TestVectors.Path("ob3", "schema"), CredentialConstants.AchievementCredentialSchema);

    private static readonly Ob3SchemaValidator Formal =
        Ob3SchemaValidator.FromFile(TestVectors.Path("ob3", "schema", "spec-build", "achievementcredential.json"));

    public static TheoryData<string> Shapes => ["pilot", "extension", "minimal", "endorsed", "expiring"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Credential_EveryShape_ValidatesAgainstThePurlSchema(string shape)
    {
        var problems = Achievement.Validate(Build(shape));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.EndsWith(Path.Combine("purl-current", "ob_v3p0_achievementcredential_schema.json"), Achievement.SchemaFile, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Credential_EveryShape_ValidatesAgainstTheFormalSpecSchema(string shape)
    {
        var problems = Formal.Validate(Build(shape));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Credential_AchievementWithoutCriteria_IsRejected()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        credential["credentialSubject"]!["achievement"]!.AsObject().Remove("criteria");

        var problems = Achievement.Validate(credential);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(CredentialProblemCodes.SchemaInvalid, p.Code));
    }

    [Fact]
    public void EndorsementCredential_ValidatesAgainstTheEndorsementSchema()
    {
        var validator = Ob3SchemaValidator.FromDirectory(TestVectors.Path("ob3", "schema"), CredentialConstants.EndorsementCredentialSchema);

        Assert.Empty(validator.Validate(Endorsement()));
    }

    [Fact]
    public void IssuerProfile_ValidatesAgainstTheProfileSchema()
    {
        var validator = Ob3SchemaValidator.FromDirectory(
            TestVectors.Path("ob3", "schema"), "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile_schema.json");
        var profile = IssuerDocuments.Profile(PilotCredential.Issuer with { Endorsements = [Endorsement()] });

        var problems = validator.Validate(profile);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static JsonObject Build(string shape) => shape switch
    {
        "pilot" => OpenBadgeCredentialBuilder.Build(PilotCredential.Input()),
        "extension" => OpenBadgeCredentialBuilder.Build(PilotCredential.Input(extensionContext: MicroCredentialContext.UrlFor(PilotCredential.BaseUrl))),
        "minimal" => OpenBadgeCredentialBuilder.Build(new OpenBadgeCredentialInput
        {
            Id = "https://badges.example.edu/credentials/1",
            Issuer = new IssuerProfile { Id = PilotCredential.IssuerDid, ProfileUrl = new Uri("https://badges.example.edu/issuers/reg-1"), Name = "Example" },
            Achievement = new AchievementDefinition
            {
                Id = new Uri("https://badges.example.edu/a/1"), Name = "A", Description = "B", CriteriaNarrative = "C",
            },
            Learner = new LearnerIdentity { SubjectId = "urn:uuid:00000000-0000-5000-8000-000000000001", Salt = "s" },
            AwardedAt = PilotCredential.AwardedAt,
        }),
        "endorsed" => OpenBadgeCredentialBuilder.Build(PilotCredential.Input() with
        {
            Achievement = PilotCredential.Achievement with { Endorsements = [Endorsement()] },
            Endorsements = [Endorsement()],
        }),
        "expiring" => OpenBadgeCredentialBuilder.Build(PilotCredential.Input() with { ValidUntil = PilotCredential.AwardedAt.AddYears(3) }),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static JsonObject Endorsement() => EndorsementCredentialBuilder.Build(new EndorsementInput
    {
        Id = "urn:uuid:6f1b1f9e-0a0e-5c57-9b1e-4c1a7f1a2b3c",
        Endorser = new IssuerProfile
        {
            Id = "did:web:cloud-association.example.org", ProfileUrl = new Uri("https://cloud-association.example.org/profile"),
            Name = "Example Cloud Industry Association", Url = new Uri("https://cloud-association.example.org/"),
        },
        EndorsedId = PilotCredential.Achievement.Id.AbsoluteUri,
        Name = "Industry endorsement of Cloud Computing Fundamentals",
        Comment = "Meets the association's entry-level cloud operations profile.",
        ValidFrom = PilotCredential.AwardedAt.AddMonths(-3),
    });
}
