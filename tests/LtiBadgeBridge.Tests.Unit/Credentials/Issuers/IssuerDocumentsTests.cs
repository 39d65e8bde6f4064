using LtiBadgeBridge.Testing.Credentials;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Testing;
using NSec.Cryptography;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Issuers;

public sealed class IssuerDocumentsTests
{
    private const string Did = "did:web:badges.example.edu:issuers:reg-1";

    [Theory]
    [InlineData("https://badges.example.edu", "did:web:badges.example.edu", "https://badges.example.edu/.well-known/did.json")]
    [InlineData("https://badges.example.edu/issuers/7", "did:web:badges.example.edu:issuers:7", "https://badges.example.edu/issuers/7/did.json")]
    [InlineData("https://Badges.Example.edu:8443/x", "did:web:badges.example.edu%3A8443:x", "https://badges.example.edu:8443/x/did.json")]
    public void DidWeb_FromUrl_AndBackToTheDocumentUrl(string url, string did, string documentUrl)
    {
        Assert.Equal(did, DidWeb.FromUrl(new Uri(url)));
        Assert.Equal(new Uri(documentUrl), DidWeb.DocumentUrl(did));
    }

    [Fact]
    public void DidWeb_HttpUrl_IsRefused() =>
        Assert.Throws<ArgumentException>(() => DidWeb.FromUrl(new Uri("http://badges.example.edu")));

    [Fact]
    public void Multikey_W3cKeyPairVector_EncodesThePublishedPublicKey()
    {
        var pair = JsonNode.Parse(File.ReadAllText(TestVectors.Path("ob3", "proof-vectors", "w3c-vc-di-eddsa", "keyPair.json")))!;
        var secret = Base58Decode(((string)pair["privateKeyMultibase"]!)[1..]); // 0x8026 + 32-byte seed
        using var key = Key.Import(SignatureAlgorithm.Ed25519, secret.AsSpan(2), KeyBlobFormat.RawPrivateKey);
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        Assert.Equal((string?)pair["publicKeyMultibase"], Multikey.EncodeEd25519PublicKey(publicKey));
        Assert.Equal(publicKey, Multikey.DecodeEd25519PublicKey((string)pair["publicKeyMultibase"]!));
    }

    [Fact]
    public void DidDocument_ListsEveryKeyIncludingRetired_UnderAssertionMethod()
    {
        var ed = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "key-ed-1");
        var es = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es-1");
        var old = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es-0");
        var rs = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.RS256, "key-rs-1");

        var doc = IssuerDocuments.DidDocument(
            Did, [ed.ToPublic(), es.ToPublic(), old.ToPublic(IssuerKeyStatus.Retired), rs.ToPublic()], new Uri("https://badges.example.edu/issuers/reg-1/profile"));

        Assert.Equal("https://www.w3.org/ns/did/v1", (string?)doc["@context"]![0]);
        Assert.Equal(Did, (string?)doc["id"]);
        Assert.Equal("https://badges.example.edu/issuers/reg-1/profile", (string?)doc["alsoKnownAs"]![0]);
        var methods = doc["verificationMethod"]!.AsArray();
        Assert.Equal([Did + "#key-ed-1", Did + "#key-es-1", Did + "#key-es-0", Did + "#key-rs-1"], methods.Select(m => (string)m!["id"]!));
        Assert.Equal(methods.Select(m => (string)m!["id"]!), doc["assertionMethod"]!.AsArray().Select(m => (string)m!));
        Assert.Equal("Multikey", (string?)methods[0]!["type"]);
        Assert.Equal(ed.PublicKey.ToArray(), Multikey.DecodeEd25519PublicKey((string)methods[0]!["publicKeyMultibase"]!));
        Assert.Equal("JsonWebKey", (string?)methods[1]!["type"]);
        Assert.Equal(("EC", "P-256", "ES256"), ((string?)methods[1]!["publicKeyJwk"]!["kty"], (string?)methods[1]!["publicKeyJwk"]!["crv"], (string?)methods[1]!["publicKeyJwk"]!["alg"]));
        Assert.Equal("RSA", (string?)methods[3]!["publicKeyJwk"]!["kty"]);
        Assert.DoesNotContain("\"d\"", doc.ToJsonString(), StringComparison.Ordinal);
        Assert.All(methods, m => Assert.Equal(Did, (string?)m!["controller"]));
    }

    [Fact]
    public void Jwks_HasOnlyJwtKeys_WithTheDidUrlAsKid()
    {
        var es = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es-1");
        var ed = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "key-ed-1");

        var jwks = LtiBadgeBridge.Credentials.Jwt.PublicJwk.KeySet(Did, [es.ToPublic(), ed.ToPublic()]);

        var key = Assert.Single(jwks["keys"]!.AsArray())!;
        Assert.Equal(Did + "#key-es-1", (string?)key["kid"]);
        Assert.Equal("ES256", (string?)key["alg"]);
    }

    [Fact]
    public void Profile_HasContextsAndInstitutionDetails()
    {
        var profile = IssuerDocuments.Profile(PilotCredential.Issuer);

        Assert.Equal("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", (string?)profile["@context"]![1]);
        Assert.Equal(("Example Polytechnic", "badges@example.edu", "Canada", "ON"),
            ((string?)profile["name"], (string?)profile["email"], (string?)profile["address"]!["addressCountry"], (string?)profile["address"]!["addressRegion"]));
        Assert.Equal("Image", (string?)profile["image"]!["type"]);
    }

    [Fact]
    public void SigningKey_ToString_DoesNotRevealThePrivateKey()
    {
        var key = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es-1");

        Assert.DoesNotContain("PrivateKey", key.ToString(), StringComparison.Ordinal);
        Assert.Contains("key-es-1", key.ToString(), StringComparison.Ordinal);
    }

    private static byte[] Base58Decode(string text)
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var value = System.Numerics.BigInteger.Zero;
        foreach (var c in text)
        {
            value = (value * 58) + alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        return value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }
}
