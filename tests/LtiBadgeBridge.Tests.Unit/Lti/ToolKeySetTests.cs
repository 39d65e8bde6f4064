using System.Security.Cryptography;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class ToolKeySetTests
{
    [Fact]
    public void Jwks_PublishesEveryKeyWithoutPrivateParts()
    {
        var keys = new ToolKeySet(
        [
            new ToolKey("new", TestRsaKeys.Get(3), ToolKeyStatus.Active),
            new ToolKey("old", TestRsaKeys.Get(4), ToolKeyStatus.Retired),
        ]);

        var set = new JsonWebKeySet(keys.JwksJson);

        Assert.Equal(["new", "old"], set.Keys.Select(k => k.Kid));
        Assert.All(set.Keys, k =>
        {
            Assert.Equal("RSA", k.Kty);
            Assert.Equal("RS256", k.Alg);
            Assert.Equal("sig", k.Use);
            Assert.Null(k.D);
            Assert.Null(k.P);
        });
        Assert.DoesNotContain("\"d\"", keys.JwksJson, StringComparison.Ordinal);
        Assert.Equal("new", keys.ActiveKid);
        Assert.Equal("new", keys.SigningCredentials.Key.KeyId);
    }

    [Fact]
    public void KeySet_WithoutExactlyOneActiveKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ToolKeySet([new ToolKey("old", TestRsaKeys.Get(4), ToolKeyStatus.Retired)]));
        Assert.Throws<ArgumentException>(() => new ToolKeySet(
        [
            new ToolKey("a", TestRsaKeys.Get(3), ToolKeyStatus.Active),
            new ToolKey("b", TestRsaKeys.Get(4), ToolKeyStatus.Active),
        ]));
    }

    [Fact]
    public void KeySet_ActiveKeyWithoutPrivatePart_IsRefused()
    {
        var full = TestRsaKeys.Get(3);
        var publicOnly = new RSAParameters { Modulus = full.Modulus, Exponent = full.Exponent };

        Assert.Throws<ArgumentException>(() => new ToolKeySet([new ToolKey("a", publicOnly, ToolKeyStatus.Active)]));
    }
}
