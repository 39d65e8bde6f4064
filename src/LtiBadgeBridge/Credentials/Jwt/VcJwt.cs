using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Credentials.Jwt;

/// <summary>
/// VC-JWT for OB 3.0 (§8.2, VCDM 2.0 style): the JWT payload is the credential itself plus the registered claims
/// <c>iss</c> = issuer.id, <c>jti</c> = id, <c>sub</c> = credentialSubject.id, <c>nbf</c> = validFrom and
/// <c>exp</c> = validUntil when present. Header: <c>alg</c> (ES256 or RS256), <c>kid</c> (the DID URL of the key,
/// resolvable through the issuer's DID document or JWKS), <c>typ</c> <c>JWT</c> as OB 3.0 asks.
/// </summary>
public static class VcJwt
{
    /// <summary>JWT claim names that are not part of the credential.</summary>
    internal static readonly string[] RegisteredClaims = ["iss", "sub", "jti", "nbf", "exp", "iat", "aud"];

    /// <summary>Signs <paramref name="credential"/> as a compact JWS with header kid <paramref name="kid"/>.</summary>
    public static string Sign(JsonObject credential, string kid, IssuerSigningKey key)
    {
        using var imported = VcJwtSigningKey.Import(key);
        return Sign(credential, kid, imported);
    }

    /// <summary>Signs with a key imported once (<see cref="VcJwtSigningKey.Import"/>): the fast path for batches.</summary>
    public static string Sign(JsonObject credential, string kid, VcJwtSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrWhiteSpace(kid);
        ArgumentNullException.ThrowIfNull(key);
        var header = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(header))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", key.Alg);
            writer.WriteString("kid", kid);
            writer.WriteString("typ", "JWT");
            writer.WriteEndObject();
        }

        var payload = new ArrayBufferWriter<byte>(8192);
        using (var writer = new Utf8JsonWriter(payload))
        {
            WritePayload(writer, credential);
        }

        var signingInput = Base64Url.EncodeToString(header.WrittenSpan) + "." + Base64Url.EncodeToString(payload.WrittenSpan);
        var signature = key.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static void WritePayload(Utf8JsonWriter writer, JsonObject credential)
    {
        writer.WriteStartObject();
        var issuer = credential["issuer"] is JsonObject issuerObject ? issuerObject["id"] : credential["issuer"];
        WriteClaim(writer, "iss", issuer);
        WriteClaim(writer, "jti", credential["id"]);
        var subject = credential["credentialSubject"] switch
        {
            JsonArray array when array.Count > 0 => array[0]?["id"],
            JsonObject single => single["id"],
            _ => null,
        };
        WriteClaim(writer, "sub", subject);
        if (TryNumericDate(credential["validFrom"], out var nbf))
        {
            writer.WriteNumber("nbf", nbf);
        }

        if (TryNumericDate(credential["validUntil"], out var exp))
        {
            writer.WriteNumber("exp", exp);
        }

        foreach (var (name, value) in credential)
        {
            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter writer, string name, JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            writer.WriteString(name, text);
        }
    }

    internal static bool TryNumericDate(JsonNode? node, out long seconds)
    {
        seconds = 0;
        if (node is JsonValue v && v.TryGetValue<string>(out var text) && XsdDateTime.TryParse(text, out var time))
        {
            seconds = time.ToUnixTimeSeconds();
            return true;
        }

        return false;
    }
}
