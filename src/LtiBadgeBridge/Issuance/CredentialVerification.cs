using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Baking;
using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.Verification;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Verifies a credential (JSON, JWS, baked PNG/SVG) with our own <see cref="CredentialVerifier"/>, resolving keys and
/// status lists of our issuers from the database, never over the network. A credential of another issuer is
/// <see cref="CredentialStanding.Unknown"/> (its key cannot be resolved here).
/// </summary>
public sealed class CredentialVerification(
    IssuanceSettings settings,
    IssuerKeyService keys,
    StatusListPublisher statusLists,
    DataIntegrityProofs proofs,
    TimeProvider timeProvider)
{
    /// <summary>The largest upload we look at.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private readonly Lazy<Ob3SchemaValidator?> _schema = new(() =>
        settings.SchemaDirectory is { Length: > 0 } dir && Directory.Exists(dir)
            ? Ob3SchemaValidator.FromDirectory(dir, CredentialConstants.AchievementCredentialSchema)
            : null);

    private readonly Lazy<Ob3SchemaValidator?> _endorsementSchema = new(() =>
        settings.SchemaDirectory is { Length: > 0 } dir && Directory.Exists(dir)
            ? Ob3SchemaValidator.FromDirectory(dir, CredentialConstants.EndorsementCredentialSchema)
            : null);

    public Task<CredentialVerificationResult> VerifyAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        VerifyAsync(content, null, _schema.Value, cancellationToken);

    /// <summary>
    /// Verifies an EndorsementCredential against the endorsement schema. Keys of our own issuers resolve from the
    /// database; an outside endorser's keys come from <paramref name="externalKeys"/> (verification method id → key),
    /// which the caller took from a DID document the operator supplied or from a <c>did:key</c>.
    /// </summary>
    public Task<CredentialVerificationResult> VerifyEndorsementAsync(
        ReadOnlyMemory<byte> content, IReadOnlyDictionary<string, IssuerPublicKey> externalKeys, CancellationToken cancellationToken) =>
        VerifyAsync(content, externalKeys, _endorsementSchema.Value, cancellationToken);

    private async Task<CredentialVerificationResult> VerifyAsync(
        ReadOnlyMemory<byte> content, IReadOnlyDictionary<string, IssuerPublicKey>? externalKeys, Ob3SchemaValidator? schema, CancellationToken cancellationToken)
    {
        var published = new Dictionary<string, IssuerPublicKey>(externalKeys ?? new Dictionary<string, IssuerPublicKey>(), StringComparer.Ordinal);
        if (content.Length <= MaxBytes && settings.PlatformOfDid(IssuerOf(content.Span)) is { } platformId)
        {
            var did = settings.IssuerDid(platformId);
            foreach (var key in await keys.PublishedAsync(platformId, cancellationToken))
            {
                published[DidWeb.KeyUrl(did, key.KeyId)] = key;
            }
        }

        if (content.Length > MaxBytes)
        {
            return new CredentialVerificationResult
            {
                Standing = CredentialStanding.Unknown,
                Problems = [new CredentialProblem("too_large", $"The file is larger than {MaxBytes / 1024 / 1024} MB.")],
            };
        }

        IssuerPublicKey? Resolve(string kid) => published.GetValueOrDefault(kid);
        var verifier = new CredentialVerifier(
            Resolve,
            LoadStatusListAsync,
            timeProvider,
            schema,
            new DataIntegrityVerifier(proofs, Resolve));
        return await verifier.VerifyAsync(content, cancellationToken);
    }

    private async ValueTask<string?> LoadStatusListAsync(Uri url, CancellationToken cancellationToken)
    {
        var relative = settings.PublicBaseUrl.MakeRelativeUri(url).OriginalString;
        var parts = relative.Split('/');
        if (url.Scheme != settings.PublicBaseUrl.Scheme || url.Authority != settings.PublicBaseUrl.Authority
            || parts.Length != 3 || parts[0] != "status"
            || !long.TryParse(parts[1], out var platformId) || !long.TryParse(parts[2], out var listId))
        {
            return null; // not one of ours: we do not fetch from the network
        }

        return await statusLists.SignedListAsync(platformId, listId, cancellationToken);
    }

    /// <summary>The issuer id of a credential in any accepted form, without verifying anything.</summary>
    public static string? IssuerOf(ReadOnlySpan<byte> content)
    {
        string? text;
        try
        {
            text = BakedCredential.Extract(content);
        }
        catch (FormatException)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            text = text.Trim();
            JsonNode? node;
            if (text.StartsWith('{'))
            {
                node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            }
            else
            {
                var parts = text.Split('.');
                if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
                {
                    return null;
                }

                node = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            }

            return node?["issuer"] switch
            {
                JsonObject o => (string?)(o["id"] as JsonValue),
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
