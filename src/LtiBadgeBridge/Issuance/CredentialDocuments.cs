using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using LtiBadgeBridge.Credentials.Baking;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob2;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Everything we serve about issuers and credentials: DID document, profile, JWKS, the credential in each format
/// (JSON-LD, JWT, baked PNG/SVG), OB 2.0 hosted documents, and the view of the public verification page.
/// </summary>
public sealed class CredentialDocuments(
    Database database,
    IssuanceSettings settings,
    IssuerProfileStore issuers,
    IssuerKeyService keys,
    CredentialStore credentials,
    CredentialVerification verification,
    EndorsementStore endorsements,
    TimeProvider timeProvider)
{
    public async Task<JsonObject?> DidDocumentAsync(long platformId, CancellationToken cancellationToken)
    {
        var issuer = await issuers.GetAsync(platformId, cancellationToken);
        return issuer is null ? null : IssuerDocuments.DidDocument(issuer.Id, await PublishedAsync(platformId, cancellationToken), issuer.ProfileUrl);
    }

    public async Task<JsonObject?> ProfileAsync(long platformId, CancellationToken cancellationToken) =>
        await issuers.GetAsync(platformId, cancellationToken) is { } issuer ? IssuerDocuments.Profile(issuer) : null;

    public async Task<JsonObject?> JwksAsync(long platformId, CancellationToken cancellationToken) =>
        await issuers.GetAsync(platformId, cancellationToken) is { } issuer ? PublicJwk.KeySet(issuer.Id, await PublishedAsync(platformId, cancellationToken)) : null;

    public async Task<JsonObject?> Ob2IssuerAsync(long platformId, CancellationToken cancellationToken) =>
        await issuers.GetAsync(platformId, cancellationToken) is { } issuer ? Ob2Documents.Issuer(settings.Ob2IssuerUrl(platformId), issuer) : null;

    /// <summary>
    /// The OB 3.0 Achievement at <see cref="IssuanceSettings.AchievementUrl"/> (the <c>achievement.id</c> of its
    /// credentials): the current version, with the achievement's endorsements stored now; null when unknown.
    /// </summary>
    public async Task<JsonObject?> AchievementAsync(long achievementId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AchievementRow>(new CommandDefinition(
            """
            SELECT a.platform_id, a.current_version, v.definition FROM achievements a
            JOIN achievement_versions v ON v.achievement_id = a.id AND v.version = a.current_version
            WHERE a.id = @achievementId
            """,
            new { achievementId }, cancellationToken: cancellationToken));
        if (row?.Definition is null || AchievementDefinitionReader.Read(row.Definition).Definition is not { } definition)
        {
            return null;
        }

        var issuer = await issuers.GetAsync(row.PlatformId, cancellationToken);
        var held = (await endorsements.CurrentAsync(row.PlatformId, timeProvider.GetUtcNow(), cancellationToken)).GetValueOrDefault(achievementId)
            ?? EmbeddedEndorsements.None;
        var achievement = AwardCredentialMapper.ToAchievement(definition, settings.AchievementUrl(achievementId), (int)row.CurrentVersion, [])
            with { Endorsements = held.Json, EndorsementJwts = held.Jwts };
        return PublishedAchievement.Build(achievement, issuer);
    }

    public async Task<JsonObject?> Ob2BadgeAsync(long achievementId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AchievementRow>(new CommandDefinition(
            """
            SELECT a.platform_id, a.current_version, v.definition FROM achievements a
            JOIN achievement_versions v ON v.achievement_id = a.id AND v.version = a.current_version
            WHERE a.id = @achievementId
            """,
            new { achievementId }, cancellationToken: cancellationToken));
        if (row?.Definition is null || AchievementDefinitionReader.Read(row.Definition).Definition is not { } definition)
        {
            return null;
        }

        var url = settings.Ob2BadgeUrl(achievementId);
        var achievement = AwardCredentialMapper.ToAchievement(definition, url, (int)row.CurrentVersion, []);
        return Ob2Documents.BadgeClass(url, settings.Ob2IssuerUrl(row.PlatformId), achievement, achievement.Image ?? settings.Url($"ob2/badges/{achievementId}/image.svg"));
    }

    /// <summary>The OB 2.0 assertion and its HTTP status (410 when revoked), or null when unknown or without an email.</summary>
    public async Task<(int Status, JsonObject Document)?> Ob2AssertionAsync(string publicId, CancellationToken cancellationToken)
    {
        var record = await credentials.FindByPublicIdAsync(publicId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var url = settings.Ob2AssertionUrl(publicId);
        if (record.IsRevoked)
        {
            return (Ob2Documents.StatusCodeFor(true), Ob2Documents.RevokedAssertion(url, record.RevocationReason));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var award = await connection.QuerySingleOrDefaultAsync<AssertionRow>(new CommandDefinition(
            "SELECT a.achievement_id, a.earned_at, p.email FROM awards a JOIN people p ON p.id = a.person_id WHERE a.id = @awardId",
            new { awardId = record.AwardId }, cancellationToken: cancellationToken));
        if (award?.Email is null || record.Salt is null)
        {
            return null;
        }

        var assertion = Ob2Documents.Assertion(url, settings.Ob2BadgeUrl(award.AchievementId), award.Email, record.Salt, award.EarnedAt,
            Unsigned(record) is { } credential ? EvidenceOf(credential).Select(e => new EvidenceItem { Id = new Uri(e.Url), Name = e.Name, Description = e.Description }).ToList() : null);
        return (200, assertion);
    }

    public static byte[] BakedPng(CredentialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return PngBaker.Bake(DefaultBadgeImage.Png(), record.Jwt ?? record.JsonLd!);
    }

    public static string BakedSvg(CredentialRecord record, string name)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SvgBaker.Bake(DefaultBadgeImage.Svg(name), record.Jwt ?? record.JsonLd!);
    }

    /// <summary>The page view: verified with our own verifier from the stored credential.</summary>
    public async Task<CredentialView?> ViewAsync(string publicId, CancellationToken cancellationToken)
    {
        var record = await credentials.FindByPublicIdAsync(publicId, cancellationToken);
        if (record is null || Unsigned(record) is not { } credential)
        {
            return null;
        }

        var verdict = await verification.VerifyAsync(Encoding.UTF8.GetBytes(record.Jwt ?? record.JsonLd!), cancellationToken);
        var issuer = credential["issuer"] as JsonObject;
        var achievement = credential["credentialSubject"]?["achievement"] as JsonObject;
        var earned = XsdDateTime.TryParse(Str(credential["awardedDate"]) ?? Str(credential["validFrom"]), out var at) ? at : record.IssuedAt;
        var issuerName = Str(issuer?["name"]) ?? "Unknown issuer";
        var achievementName = Str(achievement?["name"]) ?? "Achievement";
        var pageUrl = settings.CredentialPageUrl(publicId);
        string? learnerName = null;
        if (record.ShowLearnerName)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            learnerName = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT p.name FROM awards a JOIN people p ON p.id = a.person_id WHERE a.id = @awardId", new { awardId = record.AwardId }, cancellationToken: cancellationToken));
        }

        return new CredentialView
        {
            Record = record,
            Standing = verdict.Standing,
            Problems = verdict.Problems,
            IssuerName = issuerName,
            IssuerUrl = Str(issuer?["url"]),
            LearnerName = learnerName,
            AchievementName = achievementName,
            AchievementDescription = Str(achievement?["description"]),
            Criteria = Str(achievement?["criteria"]?["narrative"]),
            AchievementImage = Str(achievement?["image"]?["id"]),
            EarnedAt = earned,
            Skills = achievement?["alignment"] is JsonArray alignments
                ? [.. alignments.OfType<JsonObject>().Select(a => new SkillView(Str(a["targetName"]) ?? "", Str(a["targetFramework"]), Str(a["targetCode"]), Str(a["targetUrl"])))]
                : [],
            Evidence = EvidenceOf(credential),
            PageUrl = pageUrl,
            LinkedInUrl = LinkedIn(achievementName, issuerName, earned, pageUrl, publicId),
        };
    }

    /// <summary>"Add to LinkedIn profile": a certification with name, organisation, issue year/month, URL and id; no expiry.</summary>
    public static Uri LinkedIn(string name, string organization, DateTimeOffset issued, Uri certUrl, string certId)
    {
        ArgumentNullException.ThrowIfNull(certUrl);
        var query = string.Join('&',
            "startTask=CERTIFICATION_NAME",
            "name=" + Uri.EscapeDataString(name),
            "organizationName=" + Uri.EscapeDataString(organization),
            "issueYear=" + issued.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture),
            "issueMonth=" + issued.UtcDateTime.Month.ToString(CultureInfo.InvariantCulture),
            "certUrl=" + Uri.EscapeDataString(certUrl.AbsoluteUri),
            "certId=" + Uri.EscapeDataString(certId));
        return new Uri("https://www.linkedin.com/profile/add?" + query);
    }

    /// <summary>The credential without proof: the JSON-LD copy, else the JWT payload.</summary>
    public static JsonObject? Unsigned(CredentialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            if (record.JsonLd is not null)
            {
                return JsonNode.Parse(record.JsonLd) as JsonObject;
            }

            var parts = record.Jwt?.Split('.');
            return parts is { Length: 3 } ? JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<EvidenceView> EvidenceOf(JsonObject credential) =>
        credential["evidence"] is JsonArray evidence
            ? [.. evidence.OfType<JsonObject>()
                .Where(e => Uri.TryCreate(Str(e["id"]), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
                .Select(e => new EvidenceView(Str(e["id"])!, Str(e["name"]) ?? Str(e["id"])!, Str(e["description"])))]
            : [];

    private async Task<IReadOnlyList<IssuerPublicKey>> PublishedAsync(long platformId, CancellationToken cancellationToken)
    {
        // Make sure both keys exist before anything is published, so the first credential's key is in the document.
        await keys.ActiveAsync(platformId, Keys.KeyPurposes.CredentialJwt, cancellationToken);
        await keys.ActiveAsync(platformId, Keys.KeyPurposes.CredentialDataIntegrity, cancellationToken);
        return await keys.PublishedAsync(platformId, cancellationToken);
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private sealed class AchievementRow
    {
        public long PlatformId { get; set; }
        public long CurrentVersion { get; set; }
        public string? Definition { get; set; }
    }

    private sealed class AssertionRow
    {
        public long AchievementId { get; set; }
        public DateTimeOffset EarnedAt { get; set; }
        public string? Email { get; set; }
    }
}
