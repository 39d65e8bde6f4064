using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>What we endorse, for an <c>EndorsementCredential</c> issued by us.</summary>
public sealed record EndorsementInput
{
    public required string Id { get; init; }

    /// <summary>The endorser (an industry association, a QA body, or the institution itself).</summary>
    public required IssuerProfile Endorser { get; init; }

    /// <summary>Id of the endorsed thing: an achievement URL, an issuer id, or a credential id.</summary>
    public required string EndorsedId { get; init; }

    public required string Name { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }
}

/// <summary>Builds unsigned OB 3.0 EndorsementCredentials; sign them like any credential, then embed them.</summary>
public static class EndorsementCredentialBuilder
{
    public static JsonObject Build(EndorsementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = new JsonObject
        {
            ["id"] = input.EndorsedId,
            ["type"] = new JsonArray("EndorsementSubject"),
        };
        AchievementJson.Put(subject, "endorsementComment", input.Comment);
        var json = new JsonObject
        {
            ["@context"] = new JsonArray(
                CredentialConstants.VcV2Context, CredentialConstants.Ob3Context, CredentialConstants.Ob3ExtensionsContext),
            ["id"] = input.Id,
            ["type"] = new JsonArray(CredentialConstants.VerifiableCredential, CredentialConstants.EndorsementCredential),
            ["name"] = input.Name,
            ["issuer"] = IssuerDocuments.EmbeddedProfile(input.Endorser, includeEndorsements: false),
            ["validFrom"] = XsdDateTime.Format(input.ValidFrom),
        };
        if (input.ValidUntil is { } until)
        {
            json["validUntil"] = XsdDateTime.Format(until);
        }

        json["credentialSubject"] = subject;
        json["credentialSchema"] = new JsonArray(new JsonObject
        {
            ["id"] = CredentialConstants.EndorsementCredentialSchema,
            ["type"] = CredentialConstants.JsonSchemaValidatorType,
        });
        return json;
    }
}
