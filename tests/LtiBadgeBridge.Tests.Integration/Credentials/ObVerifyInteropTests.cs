using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Baking;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Testing.ObVerify;

namespace LtiBadgeBridge.Tests.Integration.Credentials;

/// <summary>
/// Our credentials checked by an independent verifier (shared/tools/ob-verify: DCC libraries, jose, Ajv with the
/// 1EdTech OB 3.0 schema). Real keys, real signatures, everything offline.
/// </summary>
public sealed class ObVerifyInteropTests : IDisposable
{
    private static readonly IssuerSigningKey Es256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es256-1");
    private static readonly IssuerSigningKey Rs256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.RS256, "key-rs256-1");
    private static readonly IssuerSigningKey RetiredEs256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es256-0");
    private static readonly IssuerSigningKey Ed25519 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "key-ed25519-1");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ltibb-obv-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static IssuerPublicKey[] PublishedKeys =>
    [
        Es256.ToPublic(), Rs256.ToPublic(), RetiredEs256.ToPublic(IssuerKeyStatus.Retired), Ed25519.ToPublic(),
    ];

    [Fact]
    public async Task VcJwt_Es256AndRs256_VerifyWithSchemaSemanticsAndStatus()
    {
        var runner = await RunnerAsync();
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        var request = Request(
            Write("es256.jwt", VcJwt.Sign(credential, Kid(Es256), Es256)),
            Write("rs256.jwt", VcJwt.Sign(credential, Kid(Rs256), Rs256))) with
        {
            Jwks = Write("jwks.json", PublicJwk.KeySet(PilotCredential.IssuerDid, PublishedKeys).ToJsonString()),
        };

        var report = await runner.VerifyAsync(request, TestContext.Current.CancellationToken);

        Assert.True(report.Ok, report.ToString());
        Assert.All(report.Results, r =>
        {
            Assert.Equal((true, true, true), (r.Signature, r.Schema, r.Semantics));
            Assert.Equal("not revoked", r.Status);
            Assert.Empty(r.Warnings);
        });
        Assert.Equal("VC-JWT alg=RS256", report.For("rs256.jwt").Proof);
        Assert.EndsWith("purl-current/ob_v3p0_achievementcredential_schema.json", report.Schema, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VcJwt_KidResolvedThroughDidDocument_Verifies()
    {
        var runner = await RunnerAsync();
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        var request = Request(Write("did.jwt", VcJwt.Sign(credential, Kid(Es256), Es256))) with { Jwks = null };

        var report = await runner.VerifyAsync(request, TestContext.Current.CancellationToken);

        Assert.True(report.Ok, report.ToString());
        Assert.Empty(report.For("did.jwt").Warnings);
    }

    [Fact]
    public async Task VcJwt_SignedWithRetiredKey_StillVerifiesAfterRotation()
    {
        var runner = await RunnerAsync();
        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        var request = Request(Write("old.jwt", VcJwt.Sign(credential, Kid(RetiredEs256), RetiredEs256))) with { Jwks = null };

        var report = await runner.VerifyAsync(request, TestContext.Current.CancellationToken);

        Assert.True(report.Ok, report.ToString());
    }

    [Fact]
    public async Task BakedPngAndSvg_CarryingVcJwt_Verify()
    {
        var runner = await RunnerAsync();
        var jwt = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input()), Kid(Es256), Es256);
        var png = Path.Combine(_dir.FullName, "badge.png");
        await File.WriteAllBytesAsync(png, PngBaker.Bake(DefaultBadgeImage.Png(), jwt), TestContext.Current.CancellationToken);
        var svg = Write("badge.svg", SvgBaker.Bake(DefaultBadgeImage.Svg("Cloud Computing"), jwt));

        var report = await runner.VerifyAsync(Request(png, svg), TestContext.Current.CancellationToken);

        Assert.True(report.Ok, report.ToString());
        Assert.StartsWith("PNG baked -> VC-JWT", report.For("badge.png").Format, StringComparison.Ordinal);
        Assert.StartsWith("SVG baked -> VC-JWT", report.For("badge.svg").Format, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedCopies_FailSignature()
    {
        var runner = await RunnerAsync();
        var jwt = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input()), Kid(Es256), Es256);
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["name"] = "Cloud Computing Expert";
        var forged = string.Join('.', parts[0], System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);
        var png = Path.Combine(_dir.FullName, "tampered.png");
        await File.WriteAllBytesAsync(png, PngBaker.Bake(DefaultBadgeImage.Png(), forged), TestContext.Current.CancellationToken);

        var report = await runner.VerifyAsync(Request(Write("tampered.jwt", forged), png), TestContext.Current.CancellationToken);

        Assert.False(report.Ok);
        Assert.Equal(1, report.ExitCode);
        Assert.All(report.Results, r => Assert.False(r.Signature, r.ToString()));
    }

    [Fact]
    public async Task RevokedCredential_StatusBitSet_ReportsRevoked()
    {
        var runner = await RunnerAsync();
        var list = new BitstringStatusList();
        list.Set(7, true);
        var revoked = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: 7)), Kid(Es256), Es256);
        var active = VcJwt.Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: 8)), Kid(Es256), Es256);

        var report = await runner.VerifyAsync(
            Request(Write("revoked.jwt", revoked), Write("active.jwt", active)) with { Statics = StatusStatics(list) },
            TestContext.Current.CancellationToken);

        Assert.Equal(1, report.ExitCode);
        Assert.Equal((false, "revoked"), (report.For("revoked.jwt").Ok, report.For("revoked.jwt").Status));
        Assert.Equal((true, "not revoked"), (report.For("active.jwt").Ok, report.For("active.jwt").Status));
        Assert.True(report.For("revoked.jwt").Signature);
    }

    private async Task<ObVerifyRunner> RunnerAsync()
    {
        var (runner, reason) = await ObVerifyRunner.TryCreateAsync(TestContext.Current.CancellationToken);
        Assert.SkipWhen(runner is null, reason ?? "ob-verify unavailable");
        return runner!;
    }

    /// <summary>Files with the issuer's DID document and an empty (all clear) status list served offline.</summary>
    private ObVerifyRequest Request(params string[] files) => new()
    {
        Files = files,
        DidDocuments = [Write("did.json", IssuerDocuments.DidDocument(PilotCredential.IssuerDid, PublishedKeys).ToJsonString())],
        Statics = StatusStatics(new BitstringStatusList()),
    };

    /// <summary>The status list credential, signed as a VC-JWT by the issuer, served for its URL.</summary>
    private Dictionary<string, string> StatusStatics(BitstringStatusList list)
    {
        var statusCredential = StatusListCredentialBuilder.Build(
            PilotCredential.StatusListUrl, PilotCredential.IssuerDid, StatusPurposes.Revocation, list, PilotCredential.AwardedAt);
        var file = Write("status-" + Guid.NewGuid().ToString("N")[..6] + ".jwt", VcJwt.Sign(statusCredential, Kid(Es256), Es256));
        return new Dictionary<string, string>(StringComparer.Ordinal) { [PilotCredential.StatusListUrl.AbsoluteUri] = file };
    }

    private static string Kid(IssuerSigningKey key) => DidWeb.KeyUrl(PilotCredential.IssuerDid, key.KeyId);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
