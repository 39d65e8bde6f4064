using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Keys;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Brings <c>EndorsementCredential</c>s in: an imported one (JSON with a Data Integrity proof, or a VC-JWT) is verified
/// with our own verifier (proof, the 1EdTech endorsement schema, validity window, status) and must endorse the
/// target it is stored for; or the institution issues one itself, signed with its issuer keys. Stored endorsements
/// are embedded in every credential issued afterwards (<see cref="CredentialIssuer"/>). Keys are never fetched from
/// the network: an outside endorser's keys come from a <c>did:key</c> or a DID document the operator supplies.
/// </summary>
public sealed class EndorsementImporter(
    Database database,
    IssuanceSettings settings,
    IssuerProfileStore issuers,
    IssuerKeyService keys,
    CredentialVerification verification,
    EndorsementStore store,
    Credentials.Jwt.VcJwtSigner jwtSigner,
    DataIntegritySigner diSigner,
    TimeProvider timeProvider)
{
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(60);

    /// <summary>The achievement as an endorsement target, or null when it does not exist.</summary>
    public async Task<EndorsementTarget?> AchievementTargetAsync(long achievementId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var platformId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT platform_id FROM achievements WHERE id = @achievementId", new { achievementId }, cancellationToken: cancellationToken));
        return platformId is { } p
            ? new EndorsementTarget { PlatformId = p, AchievementId = achievementId, SubjectIds = [settings.AchievementUrl(achievementId).AbsoluteUri] }
            : null;
    }

    /// <summary>The issuer of a registration as an endorsement target (its DID or profile URL), or null when unknown.</summary>
    public async Task<EndorsementTarget?> IssuerTargetAsync(long platformId, CancellationToken cancellationToken) =>
        await issuers.GetAsync(platformId, cancellationToken) is { } issuer
            ? new EndorsementTarget { PlatformId = platformId, SubjectIds = [issuer.Id, issuer.ProfileUrl.AbsoluteUri] }
            : null;

    /// <summary>Verifies and stores an endorsement of <paramref name="target"/>.</summary>
    /// <param name="didDocuments">DID documents of outside endorsers (their keys); ignored for our own issuers.</param>
    public async Task<EndorsementImportResult> ImportAsync(
        EndorsementTarget target, ReadOnlyMemory<byte> content, IReadOnlyList<JsonObject> didDocuments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(didDocuments);
        if (content.Length > CredentialVerification.MaxBytes)
        {
            return new(EndorsementImportResult.Malformed, $"The file is larger than {CredentialVerification.MaxBytes / 1024 / 1024} MB.");
        }

        var text = Encoding.UTF8.GetString(content.Span).Trim().TrimStart('\uFEFF');
        var (format, credential) = Read(text);
        if (credential is null)
        {
            return new(EndorsementImportResult.Malformed, "The file is neither a JSON credential nor a compact JWS (VC-JWT).");
        }

        if (credential["type"] is not JsonArray types || !types.Any(t => Str(t) == CredentialConstants.EndorsementCredential))
        {
            return new(EndorsementImportResult.NotAnEndorsement, "The credential is not an EndorsementCredential (its type must include \"EndorsementCredential\").");
        }

        if (format == EndorsementFormats.Json && credential["proof"] is null)
        {
            return new(EndorsementImportResult.Unsigned, "The endorsement has no proof. Ask the endorser for a signed copy (Data Integrity proof or VC-JWT).");
        }

        var subject = Str(credential["credentialSubject"]?["id"]);
        if (subject is null || !target.SubjectIds.Contains(subject, StringComparer.Ordinal))
        {
            return new(EndorsementImportResult.WrongSubject,
                $"The endorsement is about '{subject ?? "(no credentialSubject.id)"}', not {target} ({string.Join(" or ", target.SubjectIds)}).");
        }

        var endorser = credential["issuer"] switch
        {
            JsonObject o => Str(o["id"]),
            var v => Str(v),
        };
        if (endorser is null)
        {
            return new(EndorsementImportResult.Malformed, "The endorsement names no issuer.");
        }

        var external = ExternalKeys(endorser, didDocuments);
        if (settings.PlatformOfDid(endorser) is null && external.Count == 0)
        {
            return new(EndorsementImportResult.KeyUnknown,
                $"The keys of the endorser '{endorser}' are unknown. Supply its DID document (did.json) with --did-document; keys are never fetched from the network.");
        }

        var verdict = await verification.VerifyEndorsementAsync(Encoding.UTF8.GetBytes(text), external, cancellationToken);
        if (verdict.Standing != CredentialStanding.Verified)
        {
            return Refuse(verdict);
        }

        var now = timeProvider.GetUtcNow();
        DateTimeOffset? validFrom = XsdDateTime.TryParse(Str(credential["validFrom"]), out var from) ? from : null;
        DateTimeOffset? validUntil = XsdDateTime.TryParse(Str(credential["validUntil"]), out var until) ? until : null;
        if (validUntil is { } end && end + Leeway < now)
        {
            return new(EndorsementImportResult.Expired, $"The endorsement expired on {XsdDateTime.Format(end)}.");
        }

        if (validFrom is { } start && start - Leeway > now)
        {
            return new(EndorsementImportResult.NotYetValid, $"The endorsement is not valid before {XsdDateTime.Format(start)}.");
        }

        return await StoreAsync(target, format, text, credential, endorser, validFrom, validUntil, cancellationToken);
    }

    /// <summary>
    /// The institution endorses <paramref name="target"/> itself: an EndorsementCredential signed with the issuer's
    /// Data Integrity key (embeddable as JSON), or its VC-JWT key when the JSON-LD contexts are not cached.
    /// </summary>
    public async Task<EndorsementImportResult> IssueAsync(EndorsementTarget target, string name, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var issuer = await issuers.GetAsync(target.PlatformId, cancellationToken);
        if (issuer is null)
        {
            return new(EndorsementImportResult.TargetUnknown, $"There is no platform {target.PlatformId}.");
        }

        var now = timeProvider.GetUtcNow();
        var unsigned = EndorsementCredentialBuilder.Build(new EndorsementInput
        {
            Id = "urn:uuid:" + Guid.NewGuid().ToString("D"),
            Endorser = issuer,
            EndorsedId = target.SubjectIds[0],
            Name = name,
            Comment = comment,
            ValidFrom = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
        });
        string text;
        try
        {
            var key = await keys.ActiveAsync(target.PlatformId, KeyPurposes.CredentialDataIntegrity, cancellationToken);
            text = (await diSigner.SignAsync(unsigned, issuer.Id, key, cancellationToken)).Credential.ToJsonString();
        }
        catch (JsonLdException)
        {
            var key = await keys.ActiveAsync(target.PlatformId, KeyPurposes.CredentialJwt, cancellationToken);
            text = (await jwtSigner.SignAsync(unsigned, issuer.Id, key, cancellationToken)).Jwt!;
        }

        // Our own signature goes through the same checks as an import.
        var result = await ImportAsync(target, Encoding.UTF8.GetBytes(text), [], cancellationToken);
        return result.Succeeded ? result : throw new InvalidOperationException($"An endorsement we signed does not verify: {result.Message}");
    }

    private async Task<EndorsementImportResult> StoreAsync(
        EndorsementTarget target, string format, string text, JsonObject credential, string endorser,
        DateTimeOffset? validFrom, DateTimeOffset? validUntil, CancellationToken cancellationToken)
    {
        var record = new EndorsementRecord
        {
            PlatformId = target.PlatformId,
            AchievementId = target.AchievementId,
            CredentialId = Str(credential["id"]) ?? "urn:sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            Format = format,
            Content = text,
            EndorserId = endorser,
            EndorserName = Str(credential["issuer"]?["name"]),
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        return await store.AddAsync(record, cancellationToken)
            ? new(EndorsementImportResult.Stored, $"Stored the endorsement by {record.EndorserName ?? endorser} of {target}; credentials issued from now on embed it.", record)
            : new(EndorsementImportResult.AlreadyStored, $"This endorsement of {target} is already stored.", record);
    }

    private static EndorsementImportResult Refuse(CredentialVerificationResult verdict)
    {
        var problems = string.Join("; ", verdict.Problems.Select(p => p.Message));
        var code = verdict.Problems.Select(p => p.Code).FirstOrDefault() switch
        {
            CredentialProblemCodes.Expired => EndorsementImportResult.Expired,
            CredentialProblemCodes.NotYetValid => EndorsementImportResult.NotYetValid,
            CredentialProblemCodes.JwtKeyUnknown or "di_" + Credentials.DataIntegrity.ProofVerificationCodes.KeyUnresolved => EndorsementImportResult.KeyUnknown,
            _ => EndorsementImportResult.Invalid,
        };
        return new(code, "The endorsement does not verify: " + problems);
    }

    private static IReadOnlyDictionary<string, IssuerPublicKey> ExternalKeys(string endorser, IReadOnlyList<JsonObject> didDocuments)
    {
        if (endorser.StartsWith("did:key:", StringComparison.Ordinal))
        {
            return DidDocumentKeys.FromDidKey(endorser);
        }

        var keys = new Dictionary<string, IssuerPublicKey>(StringComparer.Ordinal);
        foreach (var document in didDocuments.Where(d => Str(d["id"]) == endorser))
        {
            foreach (var (id, key) in DidDocumentKeys.From(document))
            {
                keys[id] = key;
            }
        }

        return keys;
    }

    private static (string Format, JsonObject? Credential) Read(string text)
    {
        try
        {
            if (text.StartsWith('{'))
            {
                return (EndorsementFormats.Json, JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject);
            }

            var parts = text.Split('.');
            return parts.Length == 3 && Base64Url.IsValid(parts[1])
                ? (EndorsementFormats.Jwt, JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]), documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject)
                : (EndorsementFormats.Jwt, null);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (EndorsementFormats.Json, null);
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
