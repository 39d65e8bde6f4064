using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>
/// Builds the unsigned OB 3.0 <c>OpenBadgeCredential</c> (VC Data Model 2.0) for one award. The output is plain
/// JSON; a proof is added by an <see cref="ICredentialProofSigner"/> (VC-JWT or Data Integrity).
/// </summary>
public static class OpenBadgeCredentialBuilder
{
    /// <summary>Builds the credential. Same input, same JSON (property order included).</summary>
    public static JsonObject Build(OpenBadgeCredentialInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var withExtension = input.MicroCredentialContextUrl is not null && input.Achievement.MicroCredential is { IsEmpty: false };

        var context = new JsonArray(
            CredentialConstants.VcV2Context, CredentialConstants.Ob3Context, CredentialConstants.Ob3ExtensionsContext);
        if (withExtension)
        {
            context.Add(input.MicroCredentialContextUrl!.AbsoluteUri);
        }

        var credential = new JsonObject
        {
            ["@context"] = context,
            ["id"] = input.Id,
            ["type"] = new JsonArray(CredentialConstants.VerifiableCredential, CredentialConstants.OpenBadgeCredential),
            ["name"] = input.Name ?? input.Achievement.Name,
            ["issuer"] = IssuerDocuments.EmbeddedProfile(input.Issuer),
            ["validFrom"] = XsdDateTime.Format(input.ValidFrom ?? input.AwardedAt),
        };
        if (input.ValidUntil is { } until)
        {
            credential["validUntil"] = XsdDateTime.Format(until);
        }

        credential["awardedDate"] = XsdDateTime.Format(input.AwardedAt);
        if (input.Image is not null)
        {
            credential["image"] = AchievementJson.Image(input.Image, input.Name ?? input.Achievement.Name);
        }

        credential["credentialSubject"] = Subject(input, withExtension);
        if (input.Evidence.Count > 0)
        {
            credential["evidence"] = new JsonArray([.. input.Evidence.Select(Evidence)]);
        }

        if (input.Endorsements.Count > 0)
        {
            credential["endorsement"] = new JsonArray([.. input.Endorsements.Select(e => e.DeepClone())]);
        }

        if (input.Status is not null)
        {
            credential["credentialStatus"] = input.Status.ToJson();
        }

        credential["credentialSchema"] = new JsonArray(new JsonObject
        {
            ["id"] = CredentialConstants.AchievementCredentialSchema,
            ["type"] = CredentialConstants.JsonSchemaValidatorType,
        });
        return credential;
    }

    /// <summary>
    /// The credential for a JSON-LD proof: <c>endorsementJwt</c> (issuer and achievement) is not a term of the OB 3.0.3
    /// context, so a Data Integrity copy leaves VC-JWT endorsements out. Returns <paramref name="credential"/> itself
    /// when it has none, else a copy without them.
    /// </summary>
    public static JsonObject WithoutJwtEndorsements(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var achievement = credential["credentialSubject"]?["achievement"] as JsonObject;
        if (!(credential["issuer"] is JsonObject { } i && i.ContainsKey("endorsementJwt")) && achievement?.ContainsKey("endorsementJwt") != true)
        {
            return credential;
        }

        var copy = credential.DeepClone().AsObject();
        (copy["issuer"] as JsonObject)?.Remove("endorsementJwt");
        (copy["credentialSubject"]?["achievement"] as JsonObject)?.Remove("endorsementJwt");
        return copy;
    }

    private static JsonObject Subject(OpenBadgeCredentialInput input, bool withExtension)
    {
        var learner = input.Learner;
        var subject = new JsonObject
        {
            ["id"] = learner.SubjectId,
            ["type"] = new JsonArray("AchievementSubject"),
        };
        var identifiers = new JsonArray();
        if (!string.IsNullOrWhiteSpace(learner.Email))
        {
            identifiers.Add(Identity("emailAddress", IdentityHash.Email(learner.Email, learner.Salt), learner.Salt));
        }

        if (!string.IsNullOrEmpty(learner.LtiUserId))
        {
            identifiers.Add(Identity("ltiUserId", IdentityHash.Sha256(learner.LtiUserId, learner.Salt), learner.Salt));
        }

        if (identifiers.Count > 0)
        {
            subject["identifier"] = identifiers;
        }

        subject["achievement"] = AchievementJson.Build(input.Achievement, withExtension);
        if (input.CreditsEarned is { } credits)
        {
            subject["creditsEarned"] = credits;
        }

        if (input.Results.Count > 0)
        {
            subject["result"] = new JsonArray([.. input.Results.Select(Result)]);
        }

        return subject;
    }

    private static JsonObject Identity(string identityType, string hash, string salt) => new()
    {
        ["type"] = "IdentityObject",
        ["identityHash"] = hash,
        ["identityType"] = identityType,
        ["hashed"] = true,
        ["salt"] = salt,
    };

    private static JsonNode Result(AwardResult r)
    {
        var json = new JsonObject
        {
            ["type"] = new JsonArray("Result"),
            ["resultDescription"] = r.ResultDescriptionId,
        };
        AchievementJson.Put(json, "value", r.Value);
        AchievementJson.Put(json, "achievedLevel", r.AchievedLevel);
        AchievementJson.Put(json, "status", r.Status);
        return json;
    }

    private static JsonNode Evidence(EvidenceItem e)
    {
        var json = new JsonObject { ["id"] = e.Id.AbsoluteUri, ["type"] = new JsonArray("Evidence") };
        AchievementJson.Put(json, "name", e.Name);
        AchievementJson.Put(json, "description", e.Description);
        AchievementJson.Put(json, "narrative", e.Narrative);
        AchievementJson.Put(json, "genre", e.Genre);
        AchievementJson.Put(json, "audience", e.Audience);
        return json;
    }
}
