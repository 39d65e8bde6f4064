using System.Net;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Cli;
using LtiBadgeBridge.Web.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Issuance;

/// <summary>Issuer documents, the operator commands behind them, and bad input on the public endpoints.</summary>
public sealed class IssuerEndpointTests
{
    [Fact]
    public async Task IssuerDocuments_AfterSetAndRotate_ProfileNamedAndRetiredKeysStillPublished()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { ["Service:PublicBaseUrl"] = "https://badges.example.edu" }, cancellationToken: ct);
        var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://moodle.example.edu", ClientId = "abc", Name = "Example College (Moodle)", ProductFamily = ProductFamilies.Moodle,
            AuthorizationEndpoint = "https://moodle.example.edu/mod/lti/auth.php", TokenEndpoint = "https://moodle.example.edu/mod/lti/token.php",
            JwksUri = "https://moodle.example.edu/mod/lti/certs.php",
        }, ct);
        var client = service.CreateClient();
        var p = platform.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var defaultProfile = JsonNode.Parse(await client.GetStringAsync($"/issuers/{p}", ct))!;
        var before = JsonNode.Parse(await client.GetStringAsync($"/issuers/{p}/did.json", ct))!;
        Assert.Equal(0, await new IssuerCommand().RunAsync(service.Services, ["set"],
            CommandLine.Parse(["issuer", "set", "--platform", p, "--name", "Example College", "--email", "badges@example.edu", "--country", "Canada"]), ct));
        Assert.Equal(0, await new CredentialKeysCommand().RunAsync(service.Services, ["rotate"],
            CommandLine.Parse(["keys", "rotate", "--purpose", "credential-di", "--platform", p]), ct));
        var profile = JsonNode.Parse(await client.GetStringAsync($"/issuers/{p}", ct))!;
        var after = JsonNode.Parse(await client.GetStringAsync($"/issuers/{p}/did.json", ct))!;
        var jwks = JsonNode.Parse(await client.GetStringAsync($"/issuers/{p}/jwks.json", ct))!;

        var did = $"did:web:badges.example.edu:issuers:{p}";
        Assert.Equal("Example College", (string?)defaultProfile["name"]); // from the platform name
        Assert.Equal(did, (string?)profile["id"]);
        Assert.Equal("Canada", (string?)profile["address"]!["addressCountry"]);
        Assert.Equal(did, (string?)after["id"]);
        Assert.Equal($"https://badges.example.edu/issuers/{p}", (string?)after["alsoKnownAs"]![0]);
        Assert.Equal(2, before["assertionMethod"]!.AsArray().Count);
        Assert.Equal(3, after["assertionMethod"]!.AsArray().Count);
        Assert.All(before["assertionMethod"]!.AsArray(), m => Assert.Contains((string?)m, after["assertionMethod"]!.AsArray().Select(n => (string?)n)));
        Assert.Equal("Multikey", (string?)after["verificationMethod"]!.AsArray().First(m => ((string?)m!["id"])!.Contains("credential-di", StringComparison.Ordinal))!["type"]);
        Assert.StartsWith(did + "#credential-jwt-", (string?)jwks["keys"]![0]!["kid"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicEndpoints_BadInput_FriendlyErrorsNever5xx()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken: ct);
        var client = service.CreateClient();

        var page = await client.GetAsync("/credentials/<script>alert(1)</script>", ct);
        var unknown = await client.GetAsync("/credentials/AAAAAAAAAAAAAAAAAAAAAA", ct);
        var jwt = await client.GetAsync("/credentials/AAAAAAAAAAAAAAAAAAAAAA.jwt", ct);
        var did = await client.GetAsync("/issuers/999999/did.json", ct);
        var status = await client.GetAsync("/status/999999/1", ct);
        var garbage = await client.PostAsync("/verify", new StringContent("not a credential"), ct);
        var huge = await client.PostAsync("/verify", new ByteArrayContent(new byte[3 * 1024 * 1024]), ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Credential not found", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal("credential_unknown", (string?)JsonNode.Parse(await jwt.Content.ReadAsStringAsync(ct))!["code"]);
        Assert.Equal(HttpStatusCode.NotFound, did.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Equal("unknown", (string?)JsonNode.Parse(await garbage.Content.ReadAsStringAsync(ct))!["standing"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }
}
