using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Tests.Contract.Keys;

public abstract class KeyRingContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    /// <summary>A key ring as one process of the service builds it: its own Data Protection over our database.</summary>
    private KeyRing NewProcessKeyRing()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("LtiBadgeBridge");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(fixture.Database, TimeProvider.System)));
        var provider = services.BuildServiceProvider();
        return new KeyRing(new ToolKeyStore(fixture.Database), provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
    }

    [Fact]
    public async Task EnsureActive_CalledTwice_ReturnsTheSameKey()
    {
        var ct = TestContext.Current.CancellationToken;
        var ring = NewProcessKeyRing();

        var first = await ring.EnsureActiveAsync(KeyPurposes.Lti, null, "RS256", ct);
        var second = await ring.EnsureActiveAsync(KeyPurposes.Lti, null, "RS256", ct);

        Assert.Equal(first.Kid, second.Kid);
        Assert.DoesNotContain("\"d\"", first.PublicJwk, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    public async Task KeyCreatedByOneProcess_SignsInAnother_AndVerifiesWithThePublishedJwk(string algorithm)
    {
        var ct = TestContext.Current.CancellationToken;
        var purpose = $"test-{algorithm}-{Guid.NewGuid():N}";
        var key = await NewProcessKeyRing().EnsureActiveAsync(purpose, null, algorithm, ct);

        var signingKey = NewProcessKeyRing().LoadSecurityKey(key);
        var token = new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor { Issuer = "tool", Claims = new Dictionary<string, object> { ["x"] = 1 }, SigningCredentials = new SigningCredentials(signingKey, algorithm) });

        var published = KeyRing.ToJwks(await NewProcessKeyRing().PublishedAsync(purpose, null, ct));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "tool",
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKeys = new JsonWebKeySet(published.ToJsonString()).GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Rotate_NewKeySigns_OldKeyStaysPublishedForTheOverlap()
    {
        var ct = TestContext.Current.CancellationToken;
        var ring = NewProcessKeyRing();
        var purpose = $"rotate-{Guid.NewGuid():N}";
        var old = await ring.EnsureActiveAsync(purpose, null, "RS256", ct);

        var rotated = await ring.RotateAsync(purpose, null, "RS256", TimeSpan.FromDays(7), ct);

        var published = await ring.PublishedAsync(purpose, null, ct);
        Assert.Equal(rotated.Kid, (await ring.EnsureActiveAsync(purpose, null, "RS256", ct)).Kid);
        Assert.Contains(published, k => k.Kid == old.Kid && !k.IsActive);
        Assert.Contains(published, k => k.Kid == rotated.Kid && k.IsActive);
    }

    [Fact]
    public async Task Rotate_WithoutOverlap_OldKeyStaysPublishedIndefinitely()
    {
        var ct = TestContext.Current.CancellationToken;
        var ring = NewProcessKeyRing();
        var purpose = $"credential-{Guid.NewGuid():N}";
        var old = await ring.EnsureActiveAsync(purpose, null, "EdDSA", ct);

        await ring.RotateAsync(purpose, null, "EdDSA", null, ct);

        Assert.Contains(await ring.PublishedAsync(purpose, null, ct), k => k.Kid == old.Kid);
        Assert.Equal(32, NewProcessKeyRing().LoadEd25519PrivateKey(old).Length);
    }
}

public sealed class KeyRingOnSqlite(SqliteDatabase fixture) : KeyRingContract<SqliteDatabase>(fixture);

public sealed class KeyRingOnPostgres(PostgresDatabase fixture) : KeyRingContract<PostgresDatabase>(fixture);
