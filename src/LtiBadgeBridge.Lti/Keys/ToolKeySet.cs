using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Lti.Keys;

/// <summary>The tool's keys: the one active key signs tool-issued JWTs (deep linking responses, client
/// assertions); every key's public part is published in the key set document.</summary>
public sealed class ToolKeySet
{
    private readonly RsaSecurityKey _activeKey;

    public ToolKeySet(IEnumerable<ToolKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys];
        var active = Keys.Where(k => k.Status == ToolKeyStatus.Active).ToList();
        if (active.Count != 1)
        {
            throw new ArgumentException($"A tool key set needs exactly one active key; it has {active.Count}.", nameof(keys));
        }

        if (Keys.Select(k => k.Kid).Distinct(StringComparer.Ordinal).Count() != Keys.Count)
        {
            throw new ArgumentException("Tool key ids must be unique.", nameof(keys));
        }

        if (active[0].Parameters.D is null)
        {
            throw new ArgumentException("The active tool key needs its private part.", nameof(keys));
        }

        ActiveKid = active[0].Kid;
        _activeKey = new RsaSecurityKey(active[0].Parameters) { KeyId = ActiveKid };
        SigningCredentials = new SigningCredentials(_activeKey, SecurityAlgorithms.RsaSha256);
        PublicKeys = [.. Keys.Select(k => (SecurityKey)new RsaSecurityKey(PublicOnly(k.Parameters)) { KeyId = k.Kid })];
        JwksJson = BuildJwks(Keys);
    }

    public IReadOnlyList<ToolKey> Keys { get; }

    public string ActiveKid { get; }

    /// <summary>RS256 credentials of the active key; the JWT header carries its kid.</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>Public keys of every key (active and retired), for verifying our own tokens.</summary>
    public IReadOnlyList<SecurityKey> PublicKeys { get; }

    /// <summary>The JWKS document (<c>{"keys":[...]}</c>) to serve at the tool's key set URL.</summary>
    public string JwksJson { get; }

    /// <summary>A fresh 2048-bit key (for tests and first start; the host stores it).</summary>
    public static ToolKey GenerateKey(string kid)
    {
        using var rsa = RSA.Create(2048);
        return new ToolKey(kid, rsa.ExportParameters(includePrivateParameters: true), ToolKeyStatus.Active);
    }

    private static RSAParameters PublicOnly(RSAParameters parameters) =>
        new() { Modulus = parameters.Modulus, Exponent = parameters.Exponent };

    private static string BuildJwks(IReadOnlyList<ToolKey> keys)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", "RSA");
                writer.WriteString("alg", SecurityAlgorithms.RsaSha256);
                writer.WriteString("use", "sig");
                writer.WriteString("kid", key.Kid);
                writer.WriteString("n", Base64UrlEncoder.Encode(key.Parameters.Modulus));
                writer.WriteString("e", Base64UrlEncoder.Encode(key.Parameters.Exponent));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
