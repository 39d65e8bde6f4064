using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Testing.Lti;

/// <summary>A platform's RSA signing key: publishes its key set and signs id_tokens with any header
/// (including the hostile ones tests need: no kid, a foreign kid, <c>none</c>, HS256).</summary>
public sealed class PlatformTokenSigner : IDisposable
{
    private readonly RSA _rsa;

    /// <summary>A signer over the shared test key in <paramref name="keySlot"/> (see <see cref="TestRsaKeys"/>).</summary>
    public PlatformTokenSigner(string kid = "platform-key-1", int keySlot = 0)
    {
        Kid = kid;
        _rsa = TestRsaKeys.Create(keySlot);
    }

    public string Kid { get; }

    /// <summary>The public key set (<c>{"keys":[...]}</c>).</summary>
    public string JwksJson()
    {
        var parameters = _rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["alg"] = "RS256",
                ["use"] = "sig",
                ["kid"] = Kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        }.ToJsonString();
    }

    /// <summary>Signs <paramref name="payload"/> RS256 with this key and kid.</summary>
    public string MintIdToken(JsonObject payload) =>
        Sign(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = Kid }, payload);

    /// <summary>Signs with an explicit header. <c>alg</c> RS256 (or absent) signs with this key (or
    /// <paramref name="otherKey"/>); <c>HS256</c> uses the public key set text as the HMAC secret (the classic
    /// algorithm confusion attack); <c>none</c> leaves the signature empty.</summary>
    public string Sign(JsonObject header, JsonObject? payload, RSA? otherKey = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var signingInput = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload?.ToJsonString() ?? "{}");
        var bytes = Encoding.ASCII.GetBytes(signingInput);
        var alg = header["alg"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var signature = alg switch
        {
            "none" => [],
            "HS256" => HMACSHA256.HashData(Encoding.UTF8.GetBytes(JwksJson()), bytes),
            _ => (otherKey ?? _rsa).SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        };
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    public void Dispose() => _rsa.Dispose();
}
