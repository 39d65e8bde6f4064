using LtiBadgeBridge.Testing.Credentials;
using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Testing.ObVerify;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Issuance;

/// <summary>
/// The pilot end to end on the real service: an award for the Cloud Computing achievement becomes a credential through
/// the outbox handler, its public page shows it, ob-verify (DCC libraries) accepts both proof formats and the baked
/// images with our DID document and status list, and after revocation everything says revoked.
/// </summary>
public sealed class PilotIssuanceTests
{
    private const string BaseUrl = "https://badges.example.edu";

    [Fact]
    public async Task PilotCredential_IssuedVerifiedShownThenRevoked_EverywhereConsistent()
    {
        var ct = TestContext.Current.CancellationToken;
        var (runner, skip) = await ObVerifyRunner.TryCreateAsync(ct);
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            ["Service:PublicBaseUrl"] = BaseUrl,
            ["Issuance:SchemaDirectory"] = TestVectors.Path("ob3", "schema"),
        }, cancellationToken: ct);
        service.Services.GetRequiredService<ContextCache>().ImportDirectory(TestVectors.Path("ob3", "contexts"));
        var client = service.CreateClient();
        var dir = Directory.CreateTempSubdirectory("ltibb-pilot-");

        // Arrange the rows the rules engine would have written, and publish the intent.
        var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com", ClientId = "10000000000042", Name = "Example Polytechnic (Canvas)",
            ProductFamily = ProductFamilies.Canvas, AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = "https://example.instructure.com/login/oauth2/token", JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, ct);
        var database = service.Services.GetRequiredService<LtiBadgeBridge.Data.Database>();
        await service.Services.GetRequiredService<IssuerProfileStore>().SetAsync(platform.Id, new IssuerProfileFields
        {
            Url = "https://www.example.edu/", Email = "badges@example.edu", Country = "Canada", CountryCode = "CA", Region = "ON",
        }, ct);
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, platform.Id, IssuanceSeed.PilotDefinition(), ct);
        var awardId = (await IssuanceSeed.AwardsAsync(database, platform.Id, courseId, achievementId, 1, ct))[0];
        await service.Services.GetRequiredService<OutboxStore>().EnqueueAsync(
            platform.Id, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), ct);
        var handler = service.Services.GetServices<IOutboxHandler>().Single(h => h.Kind == IssuanceKinds.IssueCredential);

        Assert.Equal(1, await handler.ProcessBatchAsync(ct));

        var record = (await service.Services.GetRequiredService<CredentialStore>().FindByAwardAsync(awardId, ct))!;
        Assert.Equal("vc-jwt, data-integrity", record.Formats);
        var credential = CredentialDocuments.Unsigned(record)!;
        Assert.Empty(LtiBadgeBridge.Credentials.Verification.Ob3SchemaValidator
            .FromDirectory(TestVectors.Path("ob3", "schema"), CredentialConstants.AchievementCredentialSchema).Validate(credential));
        Assert.Equal($"did:web:badges.example.edu:issuers:{platform.Id}", (string?)credential["issuer"]!["id"]);
        Assert.Equal("Example Polytechnic", (string?)credential["issuer"]!["name"]);

        // Everything a verifier downloads, from the service itself.
        var id = record.PublicId;
        var jwt = await client.GetStringAsync($"/credentials/{id}.jwt", ct);
        var json = await client.GetStringAsync($"/credentials/{id}.json", ct);
        var png = await client.GetByteArrayAsync($"/credentials/{id}.png", ct);
        var svg = await client.GetStringAsync($"/credentials/{id}.svg", ct);
        var didDocument = await client.GetStringAsync($"/issuers/{platform.Id}/did.json", ct);
        var statusUrl = new Uri((string)credential["credentialStatus"]!["statusListCredential"]!);
        Assert.StartsWith(BaseUrl + "/status/", statusUrl.AbsoluteUri, StringComparison.Ordinal);
        var tamperedJwt = Tamper(jwt);
        var tamperedJson = JsonNode.Parse(json)!;
        tamperedJson["credentialSubject"]!["achievement"]!["name"] = "Cloud Computing Expert";

        // Our own verifier on the upload endpoint.
        foreach (var upload in new[] { Encoding.UTF8.GetBytes(jwt), Encoding.UTF8.GetBytes(json), png, Encoding.UTF8.GetBytes(svg) })
        {
            var response = await client.PostAsync("/verify", new ByteArrayContent(upload), ct);
            Assert.Equal("verified", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["standing"]);
        }

        var tamperedVerdict = await client.PostAsync("/verify", new StringContent(tamperedJson.ToJsonString()), ct);
        Assert.Equal("unknown", (string?)JsonNode.Parse(await tamperedVerdict.Content.ReadAsStringAsync(ct))!["standing"]);

        // The public page.
        var page = await client.GetStringAsync($"/credentials/{id}", ct);
        Assert.Contains("<h1 id=\"verdict\">Verified</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Cloud Computing Fundamentals", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://github.com/learner-7/cloud-capstone\"", page, StringComparison.Ordinal);
        Assert.Contains("Solution architecture", page, StringComparison.Ordinal);
        Assert.Contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name=Cloud%20Computing%20Fundamentals&amp;organizationName=Example%20Polytechnic&amp;issueYear=2026&amp;issueMonth=6&amp;certUrl=" + Uri.EscapeDataString($"{BaseUrl}/credentials/{id}"), page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Learner 0", page, StringComparison.Ordinal); // the name is hidden unless the learner opts in
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ob2/assertions/{id}", ct)).StatusCode);
        Assert.Equal(0, await new LtiBadgeBridge.Web.Credentials.CredentialsCommand().RunAsync(
            service.Services, ["show-name", id, "yes"], LtiBadgeBridge.Web.Cli.CommandLine.Parse(["credentials", "show-name", id, "yes"]), ct));
        Assert.Contains("Earned by <strong id=\"learner\">Learner 0</strong>", await client.GetStringAsync($"/credentials/{id}", ct), StringComparison.Ordinal);

        // Revoke (the operator command's service), then everything says revoked.
        var revoked = await service.Services.GetRequiredService<CredentialRevoker>().RevokeByPublicIdAsync(id, "operator", "Issued in error", ct);
        Assert.Equal(RevocationResult.Revoked, revoked.Code);
        Assert.Contains("<h1 id=\"verdict\">Revoked</h1>", await client.GetStringAsync($"/credentials/{id}", ct), StringComparison.Ordinal);
        var ob2 = await client.GetAsync($"/ob2/assertions/{id}", ct);
        Assert.Equal(HttpStatusCode.Gone, ob2.StatusCode);
        Assert.True((bool)JsonNode.Parse(await ob2.Content.ReadAsStringAsync(ct))!["revoked"]!);
        var revokedStatusList = await client.GetStringAsync(statusUrl.PathAndQuery, ct);

        Assert.SkipWhen(runner is null, skip ?? "");
        var files = new[]
        {
            Write(dir, "pilot.jwt", jwt), Write(dir, "pilot.json", json), WriteBytes(dir, "pilot.png", png), Write(dir, "pilot.svg", svg),
            Write(dir, "tampered.jwt", tamperedJwt), Write(dir, "tampered.json", tamperedJson.ToJsonString()),
        };
        var report = await runner!.VerifyAsync(new ObVerifyRequest
        {
            Files = files,
            DidDocuments = [Write(dir, "did.json", didDocument)],
            Statics = new Dictionary<string, string>(StringComparer.Ordinal) { [statusUrl.AbsoluteUri] = Write(dir, "status.jwt", revokedStatusList) },
        }, ct);

        foreach (var file in new[] { "pilot.jwt", "pilot.json", "pilot.png", "pilot.svg" })
        {
            var result = report.For(file);
            Assert.True(result.Signature == true && result.Schema == true && result.Semantics == true, result.ToString());
            Assert.Equal("revoked", result.Status);
        }

        Assert.Equal("DataIntegrityProof (eddsa-rdfc-2022)", report.For("pilot.json").Proof);
        Assert.False(report.For("tampered.jwt").Signature, report.For("tampered.jwt").ToString());
        Assert.False(report.For("tampered.json").Signature, report.For("tampered.json").ToString());
        dir.Delete(recursive: true);
    }

    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["name"] = "Cloud Computing Expert";
        return string.Join('.', parts[0], Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);
    }

    private static string Write(DirectoryInfo dir, string name, string content) => WriteBytes(dir, name, Encoding.UTF8.GetBytes(content));

    private static string WriteBytes(DirectoryInfo dir, string name, byte[] content)
    {
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
