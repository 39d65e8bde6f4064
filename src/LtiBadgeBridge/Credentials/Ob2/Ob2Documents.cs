using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Credentials.Ob2;

/// <summary>
/// Open Badges 2.0 hosted documents for backpacks that only speak 2.0: Issuer (Profile), BadgeClass and
/// Assertion, each served as JSON at its own HTTPS <c>id</c>. A revoked assertion is served as
/// <see cref="RevokedAssertion"/> with HTTP 410 Gone.
/// </summary>
public static class Ob2Documents
{
    /// <summary>The Issuer profile served at <paramref name="issuerUrl"/>.</summary>
    public static JsonObject Issuer(Uri issuerUrl, IssuerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(issuerUrl);
        ArgumentNullException.ThrowIfNull(profile);
        var json = Start(issuerUrl, "Issuer");
        json["name"] = profile.Name;
        json["url"] = (profile.Url ?? profile.ProfileUrl).AbsoluteUri;
        AchievementJson.Put(json, "email", profile.Email);
        AchievementJson.Put(json, "telephone", profile.Phone);
        AchievementJson.Put(json, "description", profile.Description);
        if (profile.Image is not null)
        {
            json["image"] = profile.Image.OriginalString;
        }

        return json;
    }

    /// <summary>The BadgeClass served at <paramref name="badgeClassUrl"/>.</summary>
    public static JsonObject BadgeClass(Uri badgeClassUrl, Uri issuerUrl, AchievementDefinition achievement, Uri image)
    {
        ArgumentNullException.ThrowIfNull(badgeClassUrl);
        ArgumentNullException.ThrowIfNull(issuerUrl);
        ArgumentNullException.ThrowIfNull(achievement);
        ArgumentNullException.ThrowIfNull(image);
        var json = Start(badgeClassUrl, "BadgeClass");
        json["name"] = achievement.Name;
        json["description"] = achievement.Description;
        json["image"] = image.OriginalString;
        var criteria = new JsonObject();
        if (achievement.CriteriaUrl is not null)
        {
            criteria["id"] = achievement.CriteriaUrl.AbsoluteUri;
        }

        criteria["narrative"] = achievement.MicroCredential is { IsEmpty: false } mc
            ? achievement.CriteriaNarrative.TrimEnd() + "\n\n" + mc.ToNarrative()
            : achievement.CriteriaNarrative;
        json["criteria"] = criteria;
        json["issuer"] = issuerUrl.AbsoluteUri;
        if (achievement.Alignments.Count > 0)
        {
            json["alignment"] = new JsonArray([.. achievement.Alignments.Select(a =>
            {
                var alignment = new JsonObject { ["targetName"] = a.TargetName, ["targetUrl"] = a.TargetUrl.AbsoluteUri };
                AchievementJson.Put(alignment, "targetDescription", a.TargetDescription);
                AchievementJson.Put(alignment, "targetFramework", a.TargetFramework);
                AchievementJson.Put(alignment, "targetCode", a.TargetCode);
                return (JsonNode)alignment;
            })]);
        }

        if (achievement.Tags.Count > 0)
        {
            json["tags"] = new JsonArray([.. achievement.Tags.Select(t => (JsonNode)t)]);
        }

        return json;
    }

    /// <summary>
    /// The hosted Assertion served at <paramref name="assertionUrl"/>. The recipient is the learner's email,
    /// hashed with <paramref name="salt"/> (<c>sha256$...</c>); OB 2.0 backpacks match on email.
    /// </summary>
    public static JsonObject Assertion(
        Uri assertionUrl, Uri badgeClassUrl, string recipientEmail, string salt, DateTimeOffset issuedOn,
        IReadOnlyList<EvidenceItem>? evidence = null, Uri? image = null)
    {
        ArgumentNullException.ThrowIfNull(assertionUrl);
        ArgumentNullException.ThrowIfNull(badgeClassUrl);
        var json = Start(assertionUrl, "Assertion");
        json["recipient"] = new JsonObject
        {
            ["type"] = "email",
            ["hashed"] = true,
            ["salt"] = salt,
            ["identity"] = IdentityHash.Email(recipientEmail, salt),
        };
        json["badge"] = badgeClassUrl.AbsoluteUri;
        json["issuedOn"] = XsdDateTime.Format(issuedOn);
        json["verification"] = new JsonObject { ["type"] = "hosted" };
        if (image is not null)
        {
            json["image"] = image.OriginalString;
        }

        if (evidence is { Count: > 0 })
        {
            json["evidence"] = new JsonArray([.. evidence.Select(e =>
            {
                var item = new JsonObject { ["id"] = e.Id.AbsoluteUri };
                AchievementJson.Put(item, "name", e.Name);
                AchievementJson.Put(item, "description", e.Description);
                AchievementJson.Put(item, "narrative", e.Narrative);
                AchievementJson.Put(item, "genre", e.Genre);
                AchievementJson.Put(item, "audience", e.Audience);
                return (JsonNode)item;
            })]);
        }

        return json;
    }

    /// <summary>What a revoked assertion's URL serves (with HTTP 410 Gone).</summary>
    public static JsonObject RevokedAssertion(Uri assertionUrl, string? revocationReason)
    {
        ArgumentNullException.ThrowIfNull(assertionUrl);
        var json = Start(assertionUrl, "Assertion");
        json["revoked"] = true;
        AchievementJson.Put(json, "revocationReason", revocationReason);
        return json;
    }

    /// <summary>The HTTP status to serve an assertion with: 200, or 410 Gone when revoked.</summary>
    public static int StatusCodeFor(bool revoked) => revoked ? 410 : 200;

    private static JsonObject Start(Uri id, string type) => new()
    {
        ["@context"] = CredentialConstants.Ob2Context,
        ["type"] = type,
        ["id"] = id.AbsoluteUri,
    };
}
