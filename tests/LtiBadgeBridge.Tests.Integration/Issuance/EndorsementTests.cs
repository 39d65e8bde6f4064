using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Testing.ObVerify;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Cli;
using LtiBadgeBridge.Web.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Issuance;

/// <summary>
/// Endorsements on the real service: an industry association's signed EndorsementCredentials (Data Integrity with a
/// did:key, VC-JWT with a did:web whose DID document the operator supplies) are verified at import, stored, embedded
/// in the next credential, which validates against the 1EdTech schema and passes ob-verify; broken ones are refused.
/// </summary>
public sealed class EndorsementTests
{
    private const string BaseUrl = "https://badges.example.edu";
    private const string AssociationDid = "did:web:cloud-industry.example.org";

    [Fact]
    public async Task Endorsements_ImportedAndIssued_AreEmbeddedAndTheCredentialVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var (runner, skip) = await ObVerifyRunner.TryCreateAsync(ct);
        await using var world = await World.StartAsync(ct);
        var dir = Directory.CreateTempSubdirectory("ltibb-endorse-");
        var (didKey, diKey) = DidKeyEndorser();
        var (didDocument, jwtKey) = DidWebEndorser();

        // The association endorses the achievement (Data Integrity, did:key) through the CLI command...
        var achievementEndorsement = await world.SignDataIntegrityAsync(world.Endorsement(didKey, world.AchievementUrl), diKey, ct);
        var file = Write(dir, "endorsement.json", achievementEndorsement.ToJsonString());
        Assert.Equal(CliApp.ExitOk, await Run(world, ct, "import", file, "--achievement", world.AchievementId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // ...and the institution (VC-JWT, did:web, its DID document handed over by the operator); the institution also endorses its own achievement.
        var issuerEndorsement = VcJwt.Sign(world.Endorsement(AssociationDid, world.IssuerDid), AssociationDid + "#key-1", jwtKey);
        var importer = world.Service.Services.GetRequiredService<EndorsementImporter>();
        var issuerTarget = (await importer.IssuerTargetAsync(world.PlatformId, ct))!;
        Assert.Equal(EndorsementImportResult.Stored, (await importer.ImportAsync(issuerTarget, Encoding.UTF8.GetBytes(issuerEndorsement), [didDocument], ct)).Code);
        var ownTarget = (await importer.AchievementTargetAsync(world.AchievementId, ct))!;
        var own = await importer.IssueAsync(ownTarget, "Quality reviewed by the Faculty of Computing", "Meets the faculty's micro-credential standard.", ct);
        Assert.Equal(EndorsementImportResult.Stored, own.Code);
        Assert.Equal(EndorsementFormats.Json, own.Record!.Format);
        Assert.Equal(EndorsementImportResult.AlreadyStored, (await importer.ImportAsync(ownTarget, Encoding.UTF8.GetBytes(achievementEndorsement.ToJsonString()), [], ct)).Code);
        Assert.Equal(3, (await world.Service.Services.GetRequiredService<EndorsementStore>().ListAsync(world.PlatformId, ct)).Count);

        var record = await world.IssueAsync(ct);

        // Both copies carry the endorsements where OB 3.0 puts them; the JSON-LD copy leaves the JWT one out.
        var json = JsonNode.Parse(record.JsonLd!)!.AsObject();
        var jwtPayload = JsonNode.Parse(Base64Url.DecodeFromChars(record.Jwt!.Split('.')[1]))!.AsObject();
        var embedded = json["credentialSubject"]!["achievement"]!["endorsement"]!.AsArray();
        Assert.Equal(2, embedded.Count);
        Assert.Contains(embedded, e => (string?)e!["issuer"]!["id"] == didKey);
        Assert.Equal(issuerEndorsement, (string?)jwtPayload["issuer"]!["endorsementJwt"]![0]);
        Assert.Null(json["issuer"]!["endorsementJwt"]);
        var schema = Ob3SchemaValidator.FromDirectory(TestVectors.Path("ob3", "schema"), CredentialConstants.AchievementCredentialSchema);
        var formal = Ob3SchemaValidator.FromFile(TestVectors.Path("ob3", "schema", "spec-build", "achievementcredential.json"));
        foreach (var credential in new[] { json, jwtPayload })
        {
            Assert.Empty(schema.Validate(credential));
            var withoutProof = credential.DeepClone().AsObject();
            withoutProof.Remove("proof"); // the formal schema wants proof as an array; the purl schema (above) takes the object
            Assert.Empty(formal.Validate(withoutProof));
        }

        // Our own verifier, then the achievement's id dereferences to the Achievement with its endorsements.
        var client = world.Service.CreateClient();
        foreach (var upload in new[] { record.JsonLd!, record.Jwt! })
        {
            var verdict = JsonNode.Parse(await (await client.PostAsync("/verify", new StringContent(upload), ct)).Content.ReadAsStringAsync(ct))!;
            Assert.True((string?)verdict["standing"] == "verified", verdict.ToJsonString());
        }

        var achievementId = (string)json["credentialSubject"]!["achievement"]!["id"]!;
        var achievement = await client.GetAsync(new Uri(achievementId).PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.OK, achievement.StatusCode);
        var achievementJson = JsonNode.Parse(await achievement.Content.ReadAsStringAsync(ct))!;
        Assert.Equal(achievementId, (string?)achievementJson["id"]);
        Assert.Equal("Achievement", (string?)achievementJson["type"]![0]);
        Assert.Equal(2, achievementJson["endorsement"]!.AsArray().Count);
        Assert.Equal(world.IssuerDid, (string?)achievementJson["creator"]!["id"]);

        Assert.SkipWhen(runner is null, skip ?? "");
        var statusUrl = new Uri((string)json["credentialStatus"]!["statusListCredential"]!);
        var report = await runner!.VerifyAsync(new ObVerifyRequest
        {
            Files = [Write(dir, "endorsed.json", record.JsonLd!), Write(dir, "endorsed.jwt", record.Jwt!)],
            DidDocuments = [Write(dir, "did.json", await client.GetStringAsync($"/issuers/{world.PlatformId}/did.json", ct))],
            Statics = new Dictionary<string, string>(StringComparer.Ordinal) { [statusUrl.AbsoluteUri] = Write(dir, "status.jwt", await client.GetStringAsync(statusUrl.PathAndQuery, ct)) },
        }, ct);
        foreach (var name in new[] { "endorsed.json", "endorsed.jwt" })
        {
            var result = report.For(name);
            Assert.True(result.Signature == true && result.Schema == true && result.Semantics == true, result.ToString());
            Assert.Equal("not revoked", result.Status);
        }

        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Endorsements_TamperedUnsignedExpiredMisdirectedOrUnresolvable_AreRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(ct);
        var importer = world.Service.Services.GetRequiredService<EndorsementImporter>();
        var target = (await importer.AchievementTargetAsync(world.AchievementId, ct))!;
        var (didKey, diKey) = DidKeyEndorser();
        var (didDocument, jwtKey) = DidWebEndorser();
        var now = world.Service.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        var tampered = await world.SignDataIntegrityAsync(world.Endorsement(didKey, world.AchievementUrl), diKey, ct);
        tampered["credentialSubject"]!["endorsementComment"] = "Endorsed as the best course in the world.";
        var tamperedJwt = TamperJwt(VcJwt.Sign(world.Endorsement(AssociationDid, world.AchievementUrl), AssociationDid + "#key-1", jwtKey));
        var expired = await world.SignDataIntegrityAsync(world.Endorsement(didKey, world.AchievementUrl, validUntil: now.AddDays(-1)), diKey, ct);
        var expiredJwt = VcJwt.Sign(world.Endorsement(AssociationDid, world.AchievementUrl, validUntil: now.AddDays(-1)), AssociationDid + "#key-1", jwtKey);
        var elsewhere = await world.SignDataIntegrityAsync(world.Endorsement(didKey, "https://badges.example.edu/achievements/999"), diKey, ct);
        var goodJwt = VcJwt.Sign(world.Endorsement(AssociationDid, world.AchievementUrl), AssociationDid + "#key-1", jwtKey);
        var notEndorsement = world.Endorsement(didKey, world.AchievementUrl);
        notEndorsement["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential");

        var cases = new (string Content, IReadOnlyList<JsonObject> Documents, string Code)[]
        {
            (tampered.ToJsonString(), [], EndorsementImportResult.Invalid),
            (tamperedJwt, [didDocument], EndorsementImportResult.Invalid),
            (world.Endorsement(didKey, world.AchievementUrl).ToJsonString(), [], EndorsementImportResult.Unsigned),
            (expired.ToJsonString(), [], EndorsementImportResult.Expired),
            (expiredJwt, [didDocument], EndorsementImportResult.Expired),
            (elsewhere.ToJsonString(), [], EndorsementImportResult.WrongSubject),
            (goodJwt, [], EndorsementImportResult.KeyUnknown),
            (notEndorsement.ToJsonString(), [], EndorsementImportResult.NotAnEndorsement),
            ("not a credential", [], EndorsementImportResult.Malformed),
        };
        foreach (var (content, documents, code) in cases)
        {
            var result = await importer.ImportAsync(target, Encoding.UTF8.GetBytes(content), documents, ct);
            Assert.True(result.Code == code, $"expected {code}, got {result.Code}: {result.Message}");
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
        }

        Assert.Empty(await world.Service.Services.GetRequiredService<EndorsementStore>().ListAsync(world.PlatformId, ct));
        Assert.Equal(EndorsementImportResult.Stored, (await importer.ImportAsync(target, Encoding.UTF8.GetBytes(goodJwt), [didDocument], ct)).Code);
    }

    private static (string Did, IssuerSigningKey Key) DidKeyEndorser()
    {
        var key = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.Ed25519, "k");
        var multibase = Multikey.EncodeEd25519PublicKey(key.PublicKey.Span);
        return ("did:key:" + multibase, key with { KeyId = multibase });
    }

    private static (JsonObject Document, IssuerSigningKey Key) DidWebEndorser()
    {
        var key = IssuerKeyFactory.Generate(IssuerKeyAlgorithm.ES256, "key-1");
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"),
            ["id"] = AssociationDid,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = AssociationDid + "#key-1", ["type"] = "JsonWebKey", ["controller"] = AssociationDid, ["publicKeyJwk"] = PublicJwk.From(key.ToPublic()),
            }),
            ["assertionMethod"] = new JsonArray(AssociationDid + "#key-1"),
        };
        return (document, key);
    }

    private static string TamperJwt(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["name"] = "Endorsed by everyone";
        return string.Join('.', parts[0], Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);
    }

    private static Task<int> Run(World world, CancellationToken ct, params string[] words)
    {
        string[] args = ["endorsements", .. words];
        var commandLine = CommandLine.Parse(args);
        return new EndorsementsCommand().RunAsync(world.Service.Services, commandLine.Command.Skip(1).ToList(), commandLine, ct);
    }

    private static string Write(DirectoryInfo dir, string name, string content)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The service with one registration, its issuer profile and the pilot achievement.</summary>
    private sealed class World : IAsyncDisposable
    {
        private World(TestService service, long platformId, long courseId, long achievementId)
        {
            Service = service;
            PlatformId = platformId;
            CourseId = courseId;
            AchievementId = achievementId;
        }

        public TestService Service { get; }

        public long PlatformId { get; }

        public long CourseId { get; }

        public long AchievementId { get; }

        public string AchievementUrl => $"{BaseUrl}/achievements/{AchievementId}";

        public string IssuerDid => $"did:web:badges.example.edu:issuers:{PlatformId}";

        public static async Task<World> StartAsync(CancellationToken ct)
        {
            var service = await TestService.StartAsync(new Dictionary<string, string?>
            {
                ["Service:PublicBaseUrl"] = BaseUrl,
                ["Issuance:SchemaDirectory"] = TestVectors.Path("ob3", "schema"),
            }, cancellationToken: ct);
            service.Services.GetRequiredService<ContextCache>().ImportDirectory(TestVectors.Path("ob3", "contexts"));
            var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
            {
                Issuer = "https://canvas.instructure.com", ClientId = "10000000000077", Name = "Example Polytechnic (Canvas)",
                ProductFamily = ProductFamilies.Canvas, AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
                TokenEndpoint = "https://example.instructure.com/login/oauth2/token", JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
            }, ct);
            await service.Services.GetRequiredService<IssuerProfileStore>().SetAsync(platform.Id, new IssuerProfileFields
            {
                Url = "https://www.example.edu/", Country = "Canada", CountryCode = "CA",
            }, ct);
            var database = service.Services.GetRequiredService<LtiBadgeBridge.Data.Database>();
            var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, platform.Id, IssuanceSeed.PilotDefinition(), ct);
            return new World(service, platform.Id, courseId, achievementId);
        }

        public JsonObject Endorsement(string endorser, string subject, DateTimeOffset? validUntil = null)
        {
            var now = Service.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            return EndorsementCredentialBuilder.Build(new EndorsementInput
            {
                Id = "urn:uuid:" + Guid.NewGuid().ToString("D"),
                Endorser = new IssuerProfile { Id = endorser, ProfileUrl = new Uri("https://cloud-industry.example.org/"), Name = "Cloud Industry Association" },
                EndorsedId = subject,
                Name = "Endorsed by the Cloud Industry Association",
                Comment = "The outcomes match what our members hire for.",
                ValidFrom = DateTimeOffset.FromUnixTimeSeconds(now.AddDays(-30).ToUnixTimeSeconds()),
                ValidUntil = validUntil is { } until ? DateTimeOffset.FromUnixTimeSeconds(until.ToUnixTimeSeconds()) : null,
            });
        }

        public async Task<JsonObject> SignDataIntegrityAsync(JsonObject credential, IssuerSigningKey key, CancellationToken ct)
        {
            var issuer = (string)credential["issuer"]!["id"]!;
            return (await Service.Services.GetRequiredService<DataIntegritySigner>().SignAsync(credential, issuer, key, ct)).Credential;
        }

        public async Task<CredentialRecord> IssueAsync(CancellationToken ct)
        {
            var database = Service.Services.GetRequiredService<LtiBadgeBridge.Data.Database>();
            var awardId = (await IssuanceSeed.AwardsAsync(database, PlatformId, CourseId, AchievementId, 1, ct))[0];
            await Service.Services.GetRequiredService<OutboxStore>().EnqueueAsync(
                PlatformId, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), ct);
            var handler = Service.Services.GetServices<IOutboxHandler>().Single(h => h.Kind == IssuanceKinds.IssueCredential);
            Assert.Equal(1, await handler.ProcessBatchAsync(ct));
            return (await Service.Services.GetRequiredService<CredentialStore>().FindByAwardAsync(awardId, ct))!;
        }

        public ValueTask DisposeAsync() => Service.DisposeAsync();
    }
}
