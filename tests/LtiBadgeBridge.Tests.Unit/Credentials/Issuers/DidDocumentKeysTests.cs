using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Issuers;

public sealed class DidDocumentKeysTests
{
    private const string Did = "did:web:cloud-industry.example.org";

    [Fact]
    public void From_JsonWebKeyAndMultikeyOfTheDocument_AreResolvedByMethodId()
    {
        var es256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-1");
        var ed25519 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "key-2");
        var document = new JsonObject
        {
            ["id"] = Did,
            ["verificationMethod"] = new JsonArray(
                new JsonObject { ["id"] = Did + "#key-1", ["type"] = "JsonWebKey", ["controller"] = Did, ["publicKeyJwk"] = PublicJwk.From(es256.ToPublic()) },
                new JsonObject { ["id"] = "#key-2", ["type"] = "Multikey", ["controller"] = Did, ["publicKeyMultibase"] = Multikey.EncodeEd25519PublicKey(ed25519.PublicKey.Span) },
                new JsonObject { ["id"] = "did:web:other.example#key-3", ["type"] = "Multikey", ["controller"] = "did:web:other.example", ["publicKeyMultibase"] = Multikey.EncodeEd25519PublicKey(ed25519.PublicKey.Span) }),
        };

        var keys = DidDocumentKeys.From(document);

        Assert.Equal(2, keys.Count);
        Assert.Equal(IssuerKeyAlgorithm.ES256, keys[Did + "#key-1"].Algorithm);
        Assert.Equal(es256.PublicKey.ToArray(), keys[Did + "#key-1"].PublicKey.ToArray());
        Assert.Equal(ed25519.PublicKey.ToArray(), keys[Did + "#key-2"].PublicKey.ToArray());
    }

    [Fact]
    public void FromDidKey_Ed25519_IsItsOwnKey_AndGarbageResolvesNothing()
    {
        var key = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "k");
        var multibase = Multikey.EncodeEd25519PublicKey(key.PublicKey.Span);

        var keys = DidDocumentKeys.FromDidKey("did:key:" + multibase);

        Assert.Equal(key.PublicKey.ToArray(), keys[$"did:key:{multibase}#{multibase}"].PublicKey.ToArray());
        Assert.Empty(DidDocumentKeys.FromDidKey("did:key:zNotAKey"));
        Assert.Empty(DidDocumentKeys.FromDidKey("did:web:example.org"));
    }
}
