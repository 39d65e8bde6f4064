using LtiBadgeBridge.Testing.Credentials;
using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Baking;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Testing.ObVerify;

namespace LtiBadgeBridge.Tests.Integration.Credentials;

/// <summary>
/// Writes every artifact the interop tests look at, then runs ob-verify twice (once with the issuer's JWKS, once
/// resolving keys through its DID document), because each Node start costs seconds. Tests read their file's verdict.
/// </summary>
public sealed class ObVerifyFixture : IAsyncLifetime
{
    public const int RevokedIndex = 7;

    public static readonly IssuerSigningKey Es256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es256-1");
    public static readonly IssuerSigningKey Rs256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.RS256, "key-rs256-1");
    public static readonly IssuerSigningKey RetiredEs256 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-es256-0");
    public static readonly IssuerSigningKey Ed25519 = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "key-ed25519-1");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ltibb-obv-");

    /// <summary>Why ob-verify could not run (tests skip), or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The run with <c>--jwks</c>.</summary>
    public ObVerifyReport JwksRun { get; private set; } = new();

    /// <summary>The run that resolves each kid through <c>--did-doc</c>.</summary>
    public ObVerifyReport DidRun { get; private set; } = new();

    public static IssuerPublicKey[] PublishedKeys =>
    [
        Es256.ToPublic(), Rs256.ToPublic(), RetiredEs256.ToPublic(IssuerKeyStatus.Retired), Ed25519.ToPublic(),
    ];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (runner, reason) = await ObVerifyRunner.TryCreateAsync(cancellationToken);
        if (runner is null)
        {
            SkipReason = reason;
            return;
        }

        var credential = OpenBadgeCredentialBuilder.Build(PilotCredential.Input());
        var jwt = Sign(credential, Es256);
        var list = new BitstringStatusList();
        list.Set(RevokedIndex, true);
        var statusList = StatusListCredentialBuilder.Build(
            PilotCredential.StatusListUrl, PilotCredential.IssuerDid, StatusPurposes.Revocation, list, PilotCredential.AwardedAt);
        var statics = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PilotCredential.StatusListUrl.AbsoluteUri] = Write("status-list.jwt", Sign(statusList, Es256)),
        };

        JwksRun = await runner.VerifyAsync(new ObVerifyRequest
        {
            Files = [Write("es256.jwt", jwt), Write("rs256.jwt", Sign(credential, Rs256))],
            Jwks = Write("jwks.json", PublicJwk.KeySet(PilotCredential.IssuerDid, PublishedKeys).ToJsonString()),
            Statics = statics,
        }, cancellationToken);

        var contextUrl = MicroCredentialContext.UrlFor(PilotCredential.BaseUrl).AbsoluteUri;
        var extension = OpenBadgeCredentialBuilder.Build(PilotCredential.Input(extensionContext: new Uri(contextUrl)));
        statics[contextUrl] = Write("microcredential-v1.jsonld", MicroCredentialContext.Document);
        var contexts = new Dictionary<string, string>(StringComparer.Ordinal) { [contextUrl] = MicroCredentialContext.Document };
        var method = DidWeb.KeyUrl(PilotCredential.IssuerDid, Ed25519.KeyId);
        var referenceDi = await runner.SignDataIntegrityAsync(credential.ToJsonString(), Ed25519.PrivateKey, method, PilotCredential.AwardedAt, null, cancellationToken);
        var referenceDiExtension = await runner.SignDataIntegrityAsync(extension.ToJsonString(), Ed25519.PrivateKey, method, PilotCredential.AwardedAt, contexts, cancellationToken);
        var diListUrl = new Uri(PilotCredential.BaseUrl, "status/reg-1/2");
        var diList = StatusListCredentialBuilder.Build(diListUrl, PilotCredential.IssuerDid, StatusPurposes.Revocation, list, PilotCredential.AwardedAt);
        statics[diListUrl.AbsoluteUri] = Write("status-list-di.json",
            await runner.SignDataIntegrityAsync(diList.ToJsonString(), Ed25519.PrivateKey, method, PilotCredential.AwardedAt, null, cancellationToken));
        var revokedDi = await runner.SignDataIntegrityAsync(
            OpenBadgeCredentialBuilder.Build(PilotCredential.Input() with
            {
                Status = new StatusListEntry { StatusListCredential = diListUrl, Index = RevokedIndex },
            }).ToJsonString(),
            Ed25519.PrivateKey, method, PilotCredential.AwardedAt, null, cancellationToken);
        var tamperedDi = JsonNode.Parse(referenceDi)!;
        tamperedDi["credentialSubject"]!["achievement"]!["name"] = "Cloud Computing Expert";

        DidRun = await runner.VerifyAsync(new ObVerifyRequest
        {
            Files =
            [
                Write("did.jwt", jwt),
                Write("extension.jwt", Sign(extension, Es256)),
                Write("retired-key.jwt", Sign(credential, RetiredEs256)),
                WriteBytes("badge.png", PngBaker.Bake(DefaultBadgeImage.Png(), jwt)),
                Write("badge.svg", SvgBaker.Bake(DefaultBadgeImage.Svg("Cloud Computing"), jwt)),
                Write("tampered.jwt", Tamper(jwt)),
                WriteBytes("tampered.png", PngBaker.Bake(DefaultBadgeImage.Png(), Tamper(jwt))),
                Write("reference-di.json", referenceDi),
                Write("reference-di-extension.json", referenceDiExtension),
                WriteBytes("reference-di.png", PngBaker.Bake(DefaultBadgeImage.Png(), referenceDi)),
                Write("reference-di.svg", SvgBaker.Bake(DefaultBadgeImage.Svg("Cloud Computing"), referenceDi)),
                Write("reference-di-tampered.json", tamperedDi.ToJsonString()),
                Write("reference-di-revoked.json", revokedDi),
                Write("revoked.jwt", Sign(OpenBadgeCredentialBuilder.Build(PilotCredential.Input(statusIndex: RevokedIndex)), Es256)),
            ],
            DidDocuments = [Write("did.json", IssuerDocuments.DidDocument(PilotCredential.IssuerDid, PublishedKeys, PilotCredential.Issuer.ProfileUrl).ToJsonString())],
            Statics = statics,
        }, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string Sign(JsonObject credential, IssuerSigningKey key) =>
        VcJwt.Sign(credential, DidWeb.KeyUrl(PilotCredential.IssuerDid, key.KeyId), key);

    /// <summary>Changes the achievement name in the payload and keeps the original signature.</summary>
    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["name"] = "Cloud Computing Expert";
        return string.Join('.', parts[0], Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);
    }

    private string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    private string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
