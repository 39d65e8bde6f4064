using LtiBadgeBridge.Testing.Credentials;
using System.Text;
using LtiBadgeBridge.Credentials.Baking;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Tests.Unit.Credentials.Ob3;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Verification;

public sealed class CredentialVerifierTests
{
    private static readonly IssuerSigningKey Key = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es-1");
    private static readonly string Kid = DidWeb.KeyUrl(PilotCredential.IssuerDid, Key.KeyId);
    private static readonly Ob3SchemaValidator Schema =
        Ob3SchemaValidator.FromDirectory(TestVectors.Path("ob3", "schema"), CredentialConstants.AchievementCredentialSchema);

    private readonly BitstringStatusList _list = new();
    private readonly FakeTimeProvider _time = new(PilotCredential.AwardedAt.AddDays(10));
    private bool _listAvailable = true;

    private CredentialVerifier Verifier() => new(
        kid => kid == Kid ? Key.ToPublic() : null,
        (url, _) => ValueTask.FromResult(_listAvailable && url == PilotCredential.StatusListUrl
            ? VcJwt.Sign(StatusListCredentialBuilder.Build(url, PilotCredential.IssuerDid, StatusPurposes.Revocation, _list, PilotCredential.AwardedAt), Kid, Key)
            : null),
        _time,
        Schema);

    private static byte[] Jwt(int index = 5) =>
        Encoding.UTF8.GetBytes(VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: index)), Kid, Key));

    [Fact]
    public async Task Verify_FreshVcJwt_IsVerified()
    {
        var result = await Verifier().VerifyAsync(Jwt(), TestContext.Current.CancellationToken);

        Assert.Equal(CredentialStanding.Verified, result.Standing);
        Assert.Empty(result.Problems);
        Assert.Equal(ProofFormat.VcJwt, result.Format);
    }

    [Fact]
    public async Task Verify_BakedPngAndSvg_AreVerified()
    {
        var jwt = Encoding.UTF8.GetString(Jwt());
        var png = PngBaker.Bake(DefaultBadgeImage.Png(), jwt);
        var svg = Encoding.UTF8.GetBytes(SvgBaker.Bake(DefaultBadgeImage.Svg("CC"), jwt));

        Assert.Equal(CredentialStanding.Verified, (await Verifier().VerifyAsync(png, TestContext.Current.CancellationToken)).Standing);
        Assert.Equal(CredentialStanding.Verified, (await Verifier().VerifyAsync(svg, TestContext.Current.CancellationToken)).Standing);
    }

    [Fact]
    public async Task Verify_BitSet_IsRevoked()
    {
        _list.Set(5, true);

        var result = await Verifier().VerifyAsync(Jwt(5), TestContext.Current.CancellationToken);

        Assert.Equal(CredentialStanding.Revoked, result.Standing);
        Assert.Equal(CredentialProblemCodes.Revoked, result.Problems[0].Code);
        Assert.NotNull(result.Credential);
    }

    [Fact]
    public async Task Verify_StatusListUnavailable_IsUnknownNotVerified()
    {
        _listAvailable = false;

        var result = await Verifier().VerifyAsync(Jwt(), TestContext.Current.CancellationToken);

        Assert.Equal(CredentialStanding.Unknown, result.Standing);
        Assert.Equal(CredentialProblemCodes.StatusListInvalid, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_TamperedOrGarbage_IsUnknown()
    {
        var jwt = Jwt();
        jwt[^5] = (byte)(jwt[^5] == (byte)'A' ? 'B' : 'A');

        Assert.Equal(CredentialStanding.Unknown, (await Verifier().VerifyAsync(jwt, TestContext.Current.CancellationToken)).Standing);
        Assert.Equal(CredentialStanding.Unknown, (await Verifier().VerifyAsync("hello"u8.ToArray(), TestContext.Current.CancellationToken)).Standing);
        Assert.Equal(CredentialProblemCodes.BakedImageInvalid,
            (await Verifier().VerifyAsync(DefaultBadgeImage.Png(), TestContext.Current.CancellationToken)).Problems[0].Code);
    }

    [Fact]
    public async Task Verify_JsonWithoutDataIntegrityVerifier_IsUnknownWithProofUnsupported()
    {
        var json = Encoding.UTF8.GetBytes(OpenBadgeCredentialBuilder.Build(PilotCredential.Input()).ToJsonString());

        var result = await Verifier().VerifyAsync(json, TestContext.Current.CancellationToken);

        Assert.Equal(CredentialStanding.Unknown, result.Standing);
        Assert.Equal(CredentialProblemCodes.ProofUnsupported, result.Problems[0].Code);
    }
}
