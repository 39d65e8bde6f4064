using LtiBadgeBridge.Testing.Credentials;
using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Jwt;

public sealed class VcJwtTests
{
    private static readonly IssuerSigningKey Es256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es-1");
    private static readonly IssuerSigningKey Rs256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.RS256, "key-rs-1");
    private static readonly DateTimeOffset Now = PilotCredential.AwardedAt.AddDays(30);

    private static string Kid(IssuerSigningKey key) => DidWeb.KeyUrl(PilotCredential.IssuerDid, key.KeyId);

    private static IssuerPublicKey? Resolve(string kid) =>
        new[] { Es256, Rs256 }.Where(k => Kid(k) == kid).Select(k => k.ToPublic()).FirstOrDefault();

    [Fact]
    public void Sign_HeaderAndClaims_FollowOb3Section82()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());

        var jwt = VcJwt.Sign(credential, Kid(Es256), Es256);

        var parts = jwt.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        Assert.Equal(("ES256", Kid(Es256), "JWT"), ((string?)header["alg"], (string?)header["kid"], (string?)header["typ"]));
        Assert.Equal(3, header.AsObject().Count);
        Assert.Equal(PilotCredential.IssuerDid, (string?)payload["iss"]);
        Assert.Equal((string?)credential["id"], (string?)payload["jti"]);
        Assert.Equal((string?)credential["credentialSubject"]!["id"], (string?)payload["sub"]);
        Assert.Equal(PilotCredential.AwardedAt.ToUnixTimeSeconds(), (long)payload["nbf"]!);
        Assert.Null(payload["exp"]);
        Assert.Null(payload["vc"]);
        Assert.Equal(64, Base64Url.DecodeFromChars(parts[2]).Length);
    }

    [Theory]
    [InlineData(IssuerKeyAlgorithm.ES256)]
    [InlineData(IssuerKeyAlgorithm.RS256)]
    public void Verify_OwnSignature_ReturnsTheCredential(IssuerKeyAlgorithm algorithm)
    {
        var key = algorithm == IssuerKeyAlgorithm.ES256 ? Es256 : Rs256;
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());

        var result = VcJwtVerifier.Verify(VcJwt.Sign(credential, Kid(key), key), Resolve, Now);

        Assert.True(result.IsValid, result.Problem?.ToString());
        Assert.True(JsonNode.DeepEquals(credential, result.Credential));
        Assert.Equal(Kid(key), result.KeyId);
    }

    [Fact]
    public void Verify_TamperedPayload_FailsTheSignature()
    {
        var jwt = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input()), Kid(Es256), Es256);
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["name"] = "Something else";
        var forged = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];

        Assert.Equal(CredentialProblemCodes.JwtSignatureInvalid, VcJwtVerifier.Verify(forged, Resolve, Now).Problem?.Code);
    }

    [Fact]
    public void Verify_AlgNone_IsRejectedBeforeAnyKeyLookup()
    {
        var jwt = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input()), Kid(Es256), Es256);
        var none = Base64Url.EncodeToString("{\"alg\":\"none\",\"kid\":\"x\"}"u8) + "." + jwt.Split('.')[1] + ".";

        var result = VcJwtVerifier.Verify(none, _ => throw new InvalidOperationException("must not resolve"), Now);

        Assert.Equal(CredentialProblemCodes.JwtAlgorithmNotAllowed, result.Problem?.Code);
    }

    [Fact]
    public void Verify_UnknownKidOrWrongKeyType_IsRejected()
    {
        var jwt = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input()), Kid(Es256), Es256);

        Assert.Equal(CredentialProblemCodes.JwtKeyUnknown, VcJwtVerifier.Verify(jwt, _ => null, Now).Problem?.Code);
        Assert.Equal(CredentialProblemCodes.JwtKeyUnknown, VcJwtVerifier.Verify(jwt, _ => Rs256.ToPublic(), Now).Problem?.Code);
    }

    [Fact]
    public void Verify_SignedByAnotherKeyUnderTheSameKid_FailsTheSignature()
    {
        var other = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es-1");
        var jwt = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input()), Kid(Es256), other);

        Assert.Equal(CredentialProblemCodes.JwtSignatureInvalid, VcJwtVerifier.Verify(jwt, Resolve, Now).Problem?.Code);
    }

    [Fact]
    public void Verify_NotYetValidAndExpired_AreReported()
    {
        var expiring = OpenBadgeCredentialBuilder.Build(PilotCredential.Input() with { ValidUntil = PilotCredential.AwardedAt.AddDays(1) });
        var jwt = VcJwt.Sign(expiring, Kid(Es256), Es256);

        Assert.Equal(CredentialProblemCodes.Expired, VcJwtVerifier.Verify(jwt, Resolve, Now).Problem?.Code);
        Assert.Equal(CredentialProblemCodes.NotYetValid, VcJwtVerifier.Verify(jwt, Resolve, PilotCredential.AwardedAt.AddHours(-1)).Problem?.Code);
        Assert.True(VcJwtVerifier.Verify(jwt, Resolve, PilotCredential.AwardedAt.AddHours(1)).IsValid);
    }

    [Fact]
    public void Verify_ClaimThatDisagreesWithTheCredential_IsRejected()
    {
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        var jwt = VcJwt.Sign(credential, Kid(Es256), Es256);
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["jti"] = "urn:uuid:other";
        var resigned = ResignPayload(parts[0], payload.ToJsonString());

        Assert.Equal(CredentialProblemCodes.JwtClaimMismatch, VcJwtVerifier.Verify(resigned, Resolve, Now).Problem?.Code);
    }

    [Fact]
    public async Task Signer_ReusedAcrossCredentialsAndKeys_ProducesVerifiableJwts()
    {
        using var signer = new VcJwtSigner();
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());

        foreach (var key in new[] { Es256, Rs256, Es256 })
        {
            var signed = await signer.SignAsync(credential, PilotCredential.IssuerDid, key, TestContext.Current.CancellationToken);

            Assert.Equal(ProofFormat.VcJwt, signed.Format);
            Assert.Equal(signed.Jwt, signed.Text);
            Assert.True(VcJwtVerifier.Verify(signed.Jwt!, Resolve, Now).IsValid);
        }
    }

    [Fact]
    public void Sign_Ed25519Key_IsRefused() =>
        Assert.Throws<ArgumentException>(() => VcJwt.Sign(
            OpenBadgeCredentialBuilder.Build(PilotCredential.Input()), "kid", IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "k")));

    private static string ResignPayload(string header, string payloadJson)
    {
        using var ec = System.Security.Cryptography.ECDsa.Create();
        ec.ImportPkcs8PrivateKey(Es256.PrivateKey.Span, out _);
        var input = header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var signature = ec.SignData(Encoding.ASCII.GetBytes(input), System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + Base64Url.EncodeToString(signature);
    }
}
