using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Testing.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static LtiBadgeBridge.Tests.Integration.Lti.ServiceClientFixture;

namespace LtiBadgeBridge.Tests.Integration.Lti;

public sealed class AccessTokenClientTests
{
    private static readonly string[] ScoreScope = [LtiConstants.Scopes.Score];

    [Fact]
    public async Task Token_IsCachedPerRegistrationAndScopesUntilShortlyBeforeExpiry()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);

        var first = await fixture.Tokens.GetTokenAsync(fixture.Registration, ScoreScope, Cancel);
        var second = await fixture.Tokens.GetTokenAsync(fixture.Registration, ScoreScope, Cancel);
        fixture.Time.Advance(TimeSpan.FromSeconds(3600 - 61));
        var third = await fixture.Tokens.GetTokenAsync(fixture.Registration, ScoreScope, Cancel);
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        var renewed = await fixture.Tokens.GetTokenAsync(fixture.Registration, ScoreScope, Cancel);

        Assert.Equal(first.Value!.Value, second.Value!.Value);
        Assert.Equal(first.Value.Value, third.Value!.Value);
        Assert.NotEqual(first.Value.Value, renewed.Value!.Value);
        Assert.Equal(2, fixture.Platform.TokenRequestCount);
    }

    [Fact]
    public async Task Token_OtherScopes_GetTheirOwnToken()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Moodle);

        await fixture.Tokens.GetTokenAsync(fixture.Registration, ScoreScope, Cancel);
        await fixture.Tokens.GetTokenAsync(fixture.Registration, [LtiConstants.Scopes.LineItem], Cancel);

        Assert.Equal(2, fixture.Platform.TokenRequestCount);
    }

    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task Token_ClientAssertion_IsSignedByTheToolWithTheRegistrationsAudience(PlatformFlavour flavour)
    {
        using var fixture = new ServiceClientFixture(flavour);

        await fixture.Tokens.GetTokenAsync(fixture.Registration, ScoreScope, Cancel);
        await fixture.Tokens.GetTokenAsync(fixture.Registration, [LtiConstants.Scopes.LineItem], Cancel);

        var handler = new JsonWebTokenHandler();
        var jtis = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assertion in fixture.Platform.ClientAssertions)
        {
            var validation = await handler.ValidateTokenAsync(assertion, new TokenValidationParameters
            {
                IssuerSigningKeys = fixture.ToolKeys.PublicKeys,
                ValidIssuer = fixture.Platform.ClientId,
                ValidAudience = fixture.Platform.TokenAudience,
                ValidAlgorithms = ["RS256"],
                LifetimeValidator = (_, _, _, _) => true,
            });
            Assert.True(validation.IsValid, validation.Exception?.Message);
            var jwt = (JsonWebToken)validation.SecurityToken;
            Assert.Equal(fixture.Platform.ClientId, jwt.Subject);
            Assert.True(jtis.Add(jwt.Id));
        }

        Assert.Equal(2, jtis.Count);
    }

    [Fact]
    public async Task Token_ScopeThePlatformDidNotGrant_IsNotRequested()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        var registration = fixture.Registration with { GrantedScopes = [LtiConstants.Scopes.LineItem] };

        var result = await fixture.Tokens.GetTokenAsync(registration, ScoreScope, Cancel);

        Assert.Equal(LtiErrorCodes.ScopeNotGranted, result.Error?.Code);
        Assert.Equal(0, fixture.Platform.TokenRequestCount);
    }

    [Fact]
    public async Task Token_EndpointRefusing_IsAFailureValue()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        var registration = fixture.Registration with { TokenAudience = "https://wrong.example/token" };

        var result = await fixture.Tokens.GetTokenAsync(registration, ScoreScope, Cancel);

        Assert.Equal(LtiErrorCodes.TokenRequestFailed, result.Error?.Code);
    }
}
