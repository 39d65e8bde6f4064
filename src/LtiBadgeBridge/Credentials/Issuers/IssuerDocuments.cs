using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>The public documents of an issuer: its DID document and its OB 3.0 Profile.</summary>
public static class IssuerDocuments
{
    /// <summary>
    /// The DID document for <paramref name="did"/>: one verification method per key (Ed25519 as <c>Multikey</c>,
    /// ES256/RS256 as <c>JsonWebKey</c>), all listed under <c>assertionMethod</c>. Retired keys are kept so
    /// credentials signed with them still verify; only the signer chooses the active key. The HTTPS profile URL,
    /// when given, is listed under <c>alsoKnownAs</c>.
    /// </summary>
    public static JsonObject DidDocument(string did, IEnumerable<IssuerPublicKey> keys, Uri? profileUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(did);
        ArgumentNullException.ThrowIfNull(keys);
        var methods = new JsonArray();
        var assertion = new JsonArray();
        foreach (var key in keys)
        {
            var id = DidWeb.KeyUrl(did, key.KeyId);
            var method = new JsonObject { ["id"] = id };
            if (key.Algorithm == IssuerKeyAlgorithm.Ed25519)
            {
                method["type"] = "Multikey";
                method["controller"] = did;
                method["publicKeyMultibase"] = Multikey.EncodeEd25519PublicKey(key.PublicKey.Span);
            }
            else
            {
                method["type"] = "JsonWebKey";
                method["controller"] = did;
                var jwk = PublicJwk.From(key);
                jwk["alg"] = key.Algorithm.ToString();
                method["publicKeyJwk"] = jwk;
            }

            methods.Add(method);
            assertion.Add(id);
        }

        var document = new JsonObject
        {
            ["@context"] = new JsonArray(
                CredentialConstants.DidV1Context, CredentialConstants.MultikeyContext, CredentialConstants.JwkContext),
            ["id"] = did,
        };
        if (profileUrl is not null)
        {
            document["alsoKnownAs"] = new JsonArray(profileUrl.AbsoluteUri);
        }

        document["verificationMethod"] = methods;
        document["assertionMethod"] = assertion;
        return document;
    }

    /// <summary>The standalone OB 3.0 Profile JSON served at <see cref="IssuerProfile.ProfileUrl"/>.</summary>
    public static JsonObject Profile(IssuerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var json = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialConstants.VcV2Context, CredentialConstants.Ob3Context),
        };
        foreach (var (name, value) in ProfileProperties(profile, includeEndorsements: true))
        {
            json[name] = value;
        }

        return json;
    }

    /// <summary>The Profile as embedded in a credential's <c>issuer</c> (no @context).</summary>
    public static JsonObject EmbeddedProfile(IssuerProfile profile, bool includeEndorsements = true)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var json = new JsonObject();
        foreach (var (name, value) in ProfileProperties(profile, includeEndorsements))
        {
            json[name] = value;
        }

        return json;
    }

    private static IEnumerable<(string Name, JsonNode? Value)> ProfileProperties(IssuerProfile p, bool includeEndorsements)
    {
        yield return ("id", p.Id);
        yield return ("type", new JsonArray("Profile"));
        yield return ("name", p.Name);
        if (p.Url is not null)
        {
            yield return ("url", p.Url.AbsoluteUri);
        }

        if (p.Email is not null)
        {
            yield return ("email", p.Email);
        }

        if (p.Phone is not null)
        {
            yield return ("phone", p.Phone);
        }

        if (p.Description is not null)
        {
            yield return ("description", p.Description);
        }

        if (p.Image is not null)
        {
            yield return ("image", new JsonObject { ["id"] = p.Image.OriginalString, ["type"] = "Image" });
        }

        if (p.Address is { } a)
        {
            var address = new JsonObject { ["type"] = new JsonArray("Address") };
            Put(address, "addressCountry", a.Country);
            Put(address, "addressCountryCode", a.CountryCode);
            Put(address, "addressRegion", a.Region);
            Put(address, "addressLocality", a.Locality);
            yield return ("address", address);
        }

        if (includeEndorsements && p.Endorsements.Count > 0)
        {
            yield return ("endorsement", new JsonArray([.. p.Endorsements.Select(e => e.DeepClone())]));
        }

        if (includeEndorsements && p.EndorsementJwts.Count > 0)
        {
            yield return ("endorsementJwt", new JsonArray([.. p.EndorsementJwts.Select(e => (JsonNode)e)]));
        }
    }

    private static void Put(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }
}
