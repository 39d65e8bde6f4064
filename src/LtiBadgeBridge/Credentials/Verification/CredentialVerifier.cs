using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Baking;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;

namespace LtiBadgeBridge.Credentials.Verification;

/// <summary>The verdict for one credential, in the three words the public page uses.</summary>
public enum CredentialStanding
{
    /// <summary>Signature holds, no problem found, not revoked.</summary>
    Verified,

    /// <summary>Signature holds but the status list says revoked (or suspended).</summary>
    Revoked,

    /// <summary>Could not be verified: bad or unknown signature, malformed, schema errors, or status unavailable.</summary>
    Unknown,
}

/// <summary>The outcome of <see cref="CredentialVerifier.VerifyAsync"/>.</summary>
public sealed record CredentialVerificationResult
{
    public required CredentialStanding Standing { get; init; }

    public ProofFormat? Format { get; init; }

    /// <summary>The credential (from the JWT payload or the JSON), when it could be read.</summary>
    public JsonObject? Credential { get; init; }

    public IReadOnlyList<CredentialProblem> Problems { get; init; } = [];
}

/// <summary>
/// Our own verifier for both proof formats: reads the credential (JSON, JWS or baked image), checks the proof
/// (VC-JWT here, Data Integrity through <see cref="IDataIntegrityVerifier"/>), the OB 3.0 schema, and the
/// bitstring status list (fetched through <paramref name="loadStatusList"/>: the signed list credential text).
/// </summary>
public sealed class CredentialVerifier(
    Func<string, IssuerPublicKey?> resolveJwtKey,
    Func<Uri, CancellationToken, ValueTask<string?>> loadStatusList,
    TimeProvider timeProvider,
    Ob3SchemaValidator? schema = null,
    IDataIntegrityVerifier? dataIntegrity = null)
{
    public async ValueTask<CredentialVerificationResult> VerifyAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        string? text;
        try
        {
            text = BakedCredential.Extract(content.Span);
        }
        catch (FormatException e)
        {
            return Unknown(null, null, new CredentialProblem(CredentialProblemCodes.BakedImageInvalid, e.Message));
        }

        if (text is null)
        {
            return Unknown(null, null, new CredentialProblem(CredentialProblemCodes.BakedImageInvalid, "No credential found in the file."));
        }

        var (format, credential, proofProblem) = await VerifyProofAsync(text, cancellationToken);
        if (credential is null || proofProblem is { Code: not (CredentialProblemCodes.NotYetValid or CredentialProblemCodes.Expired) })
        {
            return Unknown(format, credential, proofProblem!);
        }

        var problems = new List<CredentialProblem>();
        if (proofProblem is not null)
        {
            problems.Add(proofProblem);
        }

        if (schema is not null)
        {
            problems.AddRange(schema.Validate(credential));
        }

        var statusProblem = await CheckStatusAsync(credential, cancellationToken);
        if (statusProblem is { Code: CredentialProblemCodes.Revoked or CredentialProblemCodes.Suspended })
        {
            return new CredentialVerificationResult { Standing = CredentialStanding.Revoked, Format = format, Credential = credential, Problems = [statusProblem, .. problems] };
        }

        if (statusProblem is not null)
        {
            problems.Add(statusProblem);
        }

        return new CredentialVerificationResult
        {
            Standing = problems.Count == 0 ? CredentialStanding.Verified : CredentialStanding.Unknown,
            Format = format,
            Credential = credential,
            Problems = problems,
        };
    }

    private async ValueTask<(ProofFormat? Format, JsonObject? Credential, CredentialProblem? Problem)> VerifyProofAsync(string text, CancellationToken cancellationToken)
    {
        if (!text.StartsWith('{'))
        {
            var jwt = VcJwtVerifier.Verify(text, resolveJwtKey, timeProvider.GetUtcNow());
            return (ProofFormat.VcJwt, jwt.Credential, jwt.Problem);
        }

        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
        }
        catch (JsonException)
        {
            credential = null;
        }

        if (credential is null)
        {
            return (null, null, new CredentialProblem(CredentialProblemCodes.JwtMalformed, "The file is neither a JSON credential nor a compact JWS."));
        }

        if (dataIntegrity is null)
        {
            return (ProofFormat.DataIntegrity, credential, new CredentialProblem(CredentialProblemCodes.ProofUnsupported, "Data Integrity proofs cannot be checked by this verifier."));
        }

        return (ProofFormat.DataIntegrity, credential, await dataIntegrity.VerifyAsync(credential, cancellationToken));
    }

    private async ValueTask<CredentialProblem?> CheckStatusAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        var entry = credential["credentialStatus"] is JsonArray a ? a.FirstOrDefault() : credential["credentialStatus"];
        if (entry?["statusListCredential"] is not JsonValue urlValue
            || !urlValue.TryGetValue<string>(out var url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var listUrl))
        {
            return null; // no bitstring status: nothing to check
        }

        var listText = await loadStatusList(listUrl, cancellationToken);
        if (listText is null)
        {
            return new CredentialProblem(CredentialProblemCodes.StatusListInvalid, "The status list could not be loaded.");
        }

        var (_, listCredential, listProblem) = await VerifyProofAsync(listText.Trim(), cancellationToken);
        if (listCredential is null || listProblem is not null)
        {
            return new CredentialProblem(CredentialProblemCodes.StatusListInvalid, "The status list credential does not verify: " + listProblem?.Message);
        }

        return StatusListCredentialBuilder.Check(credential, listCredential);
    }

    private static CredentialVerificationResult Unknown(ProofFormat? format, JsonObject? credential, CredentialProblem problem) =>
        new() { Standing = CredentialStanding.Unknown, Format = format, Credential = credential, Problems = [problem] };
}
