using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class SignatureStepTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    public async Task Launch_SymmetricOrUnsignedAlgorithm_IsRejected(string alg)
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(sign: c => fixture.Signer.Sign(new JsonObject { ["alg"] = alg, ["kid"] = fixture.Signer.Kid }, c));

        LtiAssert.Rejected(result, alg == "none" ? LtiErrorCodes.JwtMalformed : LtiErrorCodes.AlgNotAllowed);
    }

    [Fact]
    public async Task Launch_NoneAlgorithmWithFakeSignature_IsRejectedAsNotAllowed()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(sign: c =>
            fixture.Signer.Sign(new JsonObject { ["alg"] = "none", ["kid"] = fixture.Signer.Kid }, c) + "c2ln");

        LtiAssert.Rejected(result, LtiErrorCodes.AlgNotAllowed);
    }

    [Fact]
    public async Task Launch_Rs512WhenRegistrationAllowsOnlyRs256_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(sign: c => fixture.Signer.Sign(new JsonObject { ["alg"] = "RS512", ["kid"] = fixture.Signer.Kid }, c));

        LtiAssert.Rejected(result, LtiErrorCodes.AlgNotAllowed);
    }

    [Fact]
    public async Task Launch_HeaderWithoutKid_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(sign: c => fixture.Signer.Sign(new JsonObject { ["alg"] = "RS256" }, c));

        LtiAssert.Rejected(result, LtiErrorCodes.KidMissing);
    }

    [Fact]
    public async Task Launch_KidNotInPlatformKeySet_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(sign: c => fixture.Signer.Sign(new JsonObject { ["alg"] = "RS256", ["kid"] = "other-kid" }, c));

        LtiAssert.Rejected(result, LtiErrorCodes.KidUnknown);
    }

    [Fact]
    public async Task Launch_SignedByAnotherKeyUnderThePlatformKid_IsRejected()
    {
        using var fixture = new LaunchFixture();
        using var attacker = TestRsaKeys.Create(9);

        var result = await fixture.LaunchAsync(sign: c =>
            fixture.Signer.Sign(new JsonObject { ["alg"] = "RS256", ["kid"] = fixture.Signer.Kid }, c, attacker));

        LtiAssert.Rejected(result, LtiErrorCodes.SignatureInvalid);
    }

    [Fact]
    public async Task Launch_PayloadTamperedAfterSigning_IsRejected()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(sign: c =>
        {
            var parts = fixture.Signer.MintIdToken(c).Split('.');
            c["sub"] = "admin";
            return parts[0] + "." + Base64UrlEncoder.Encode(c.ToJsonString()) + "." + parts[2];
        });

        LtiAssert.Rejected(result, LtiErrorCodes.SignatureInvalid);
    }

    [Fact]
    public async Task Launch_EmbeddedJwkAndJkuHeaders_AreIgnored()
    {
        using var fixture = new LaunchFixture();
        using var attacker = TestRsaKeys.Create(9);
        var attackerPublic = attacker.ExportParameters(false);
        var embeddedKey = new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = fixture.Signer.Kid,
            ["n"] = Base64UrlEncoder.Encode(attackerPublic.Modulus),
            ["e"] = Base64UrlEncoder.Encode(attackerPublic.Exponent),
        };

        var result = await fixture.LaunchAsync(sign: c => fixture.Signer.Sign(
            new JsonObject
            {
                ["alg"] = "RS256",
                ["kid"] = fixture.Signer.Kid,
                ["jwk"] = embeddedKey,
                ["jku"] = "https://attacker.example/jwks",
                ["x5u"] = "https://attacker.example/cert",
            },
            c,
            attacker));

        LtiAssert.Rejected(result, LtiErrorCodes.SignatureInvalid);
    }
}
