using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Verification;

namespace LtiBadgeBridge.Credentials.Jwt;

/// <summary>The outcome of verifying a VC-JWT: the credential it carries, or the first problem found.</summary>
public sealed record VcJwtVerification
{
    public JsonObject? Credential { get; init; }

    public string? KeyId { get; init; }

    public CredentialProblem? Problem { get; init; }

    public bool IsValid => Problem is null && Credential is not null;
}

/// <summary>
/// Verifies a VC-JWT: format, <c>alg</c> (ES256/RS256 only; never none/HMAC), the key named by <c>kid</c> from a
/// resolver we control (header <c>jwk</c>/<c>jku</c> are ignored), the signature, that iss/jti/sub/nbf/exp match the
/// credential, and the validity window.
/// </summary>
public static class VcJwtVerifier
{
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(60);

    /// <param name="jwt">Compact JWS.</param>
    /// <param name="resolveKey">Finds the public key for a header kid (e.g. <c>did:web:...#key-1</c>); null if unknown.</param>
    /// <param name="now">The current time (from TimeProvider).</param>
    public static VcJwtVerification Verify(string jwt, Func<string, IssuerPublicKey?> resolveKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resolveKey);
        var parts = (jwt ?? string.Empty).Trim().Split('.');
        if (parts.Length != 3)
        {
            return Fail(CredentialProblemCodes.JwtMalformed, "A VC-JWT has three dot-separated parts.");
        }

        JsonObject header;
        JsonObject payload;
        byte[] signature;
        try
        {
            header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) as JsonObject ?? throw new FormatException();
            payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject ?? throw new FormatException();
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Fail(CredentialProblemCodes.JwtMalformed, "The JWT header, payload or signature is not valid base64url JSON.");
        }

        var alg = (string?)(header["alg"] as JsonValue);
        var kid = (string?)(header["kid"] as JsonValue);
        var expected = alg switch
        {
            "ES256" => IssuerKeyAlgorithm.ES256,
            "RS256" => IssuerKeyAlgorithm.RS256,
            _ => (IssuerKeyAlgorithm?)null,
        };
        if (expected is null)
        {
            return Fail(CredentialProblemCodes.JwtAlgorithmNotAllowed, $"alg '{alg}' is not allowed (ES256 or RS256).");
        }

        var key = string.IsNullOrEmpty(kid) ? null : resolveKey(kid);
        if (key is null || key.Algorithm != expected)
        {
            return Fail(CredentialProblemCodes.JwtKeyUnknown, $"No {alg} key is known for kid '{kid}'.");
        }

        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!VerifySignature(signingInput, signature, key))
        {
            return Fail(CredentialProblemCodes.JwtSignatureInvalid, "The JWT signature does not verify.");
        }

        var credential = new JsonObject();
        foreach (var (name, value) in payload)
        {
            if (!VcJwt.RegisteredClaims.Contains(name, StringComparer.Ordinal))
            {
                credential[name] = value?.DeepClone();
            }
        }

        var claimProblem = CheckClaims(payload, credential, now);
        return claimProblem is null
            ? new VcJwtVerification { Credential = credential, KeyId = kid }
            : new VcJwtVerification { Credential = credential, KeyId = kid, Problem = claimProblem };
    }

    private static CredentialProblem? CheckClaims(JsonObject payload, JsonObject credential, DateTimeOffset now)
    {
        var issuer = credential["issuer"] is JsonObject io ? io["id"] : credential["issuer"];
        var subject = credential["credentialSubject"] is JsonArray a ? a.FirstOrDefault()?["id"] : credential["credentialSubject"]?["id"];
        foreach (var (claim, expectedValue) in new[] { ("iss", issuer), ("jti", credential["id"]), ("sub", subject) })
        {
            if (!JsonNode.DeepEquals(payload[claim], expectedValue) || payload[claim] is null)
            {
                return new(CredentialProblemCodes.JwtClaimMismatch, $"Claim '{claim}' does not match the credential.");
            }
        }

        if (!VcJwt.TryNumericDate(credential["validFrom"], out var validFrom) || NumberClaim(payload, "nbf") != validFrom)
        {
            return new(CredentialProblemCodes.JwtClaimMismatch, "Claim 'nbf' does not match validFrom.");
        }

        var exp = NumberClaim(payload, "exp");
        if (VcJwt.TryNumericDate(credential["validUntil"], out var validUntil) && exp != validUntil)
        {
            return new(CredentialProblemCodes.JwtClaimMismatch, "Claim 'exp' does not match validUntil.");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(validFrom) > now + Leeway)
        {
            return new(CredentialProblemCodes.NotYetValid, "The credential is not valid yet.");
        }

        if (exp is { } e && DateTimeOffset.FromUnixTimeSeconds(e) < now - Leeway)
        {
            return new(CredentialProblemCodes.Expired, "The credential has expired.");
        }

        return null;
    }

    private static long? NumberClaim(JsonObject payload, string name) =>
        payload[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    private static bool VerifySignature(byte[] data, byte[] signature, IssuerPublicKey key)
    {
        try
        {
            if (key.Algorithm == IssuerKeyAlgorithm.ES256)
            {
                using var ec = ECDsa.Create();
                ec.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
                return ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }

            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(key.PublicKey.Span, out _);
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static VcJwtVerification Fail(string code, string message) => new() { Problem = new(code, message) };
}
