using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Testing.Emulators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

public sealed class CanvasOAuthTests
{
    private static readonly Uri RedirectUri = new("https://badges.school.example/canvas/oauth/callback");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CanvasDeveloperKey KeyFor(EmulatedCanvas canvas, string? secret = null) => new()
    {
        ClientId = canvas.Options.ClientId,
        ClientSecret = secret ?? canvas.Options.ClientSecret,
        RedirectUri = RedirectUri,
    };

    [Fact]
    public async Task ExchangeCode_ReturnsAWorkingTokenPair_WithExpiryFromTheClock()
    {
        using var canvas = EmulatedCanvas.Start();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var services = PlatformServices.Build(timeProvider: clock);
        var oauth = services.GetRequiredService<ICanvasOAuthClient>();
        var code = canvas.IssueAuthorizationCode(RedirectUri);

        var token = await oauth.ExchangeCodeAsync(canvas.BaseUrl, KeyFor(canvas), code, Ct);

        Assert.True(token.IsSuccess, token.ToString());
        Assert.Equal(clock.GetUtcNow().AddHours(1), token.Value.ExpiresAt);
        Assert.Equal(42, token.Value.CanvasUserId);
        Assert.NotNull(token.Value.RefreshToken);
        var course = await services.CanvasClient(canvas, token.Value.AccessToken).GetCourseAsync(canvas.Fixture.CourseId, Ct);
        Assert.True(course.IsSuccess);
        Assert.DoesNotContain(token.Value.AccessToken, token.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCode_UsedTwice_IsInvalidGrant()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var oauth = services.GetRequiredService<ICanvasOAuthClient>();
        var code = canvas.IssueAuthorizationCode(RedirectUri);
        await oauth.ExchangeCodeAsync(canvas.BaseUrl, KeyFor(canvas), code, Ct);

        var again = await oauth.ExchangeCodeAsync(canvas.BaseUrl, KeyFor(canvas), code, Ct);

        Assert.Equal(PlatformErrorCodes.CanvasOAuthInvalidGrant, again.Error?.Code);
        Assert.Equal(PlatformErrorKind.TokenInvalid, again.Error?.Kind);
    }

    [Fact]
    public async Task ExchangeCode_WithAWrongSecret_IsInvalidClient()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var oauth = services.GetRequiredService<ICanvasOAuthClient>();

        var result = await oauth.ExchangeCodeAsync(canvas.BaseUrl, KeyFor(canvas, "wrong"), canvas.IssueAuthorizationCode(RedirectUri), Ct);

        Assert.Equal(PlatformErrorCodes.CanvasOAuthInvalidClient, result.Error?.Code);
    }

    [Fact]
    public async Task Refresh_AfterExpiry_GivesANewAccessToken_AndKeepsTheRefreshToken()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var oauth = services.GetRequiredService<ICanvasOAuthClient>();
        var first = (await oauth.ExchangeCodeAsync(canvas.BaseUrl, KeyFor(canvas), canvas.IssueAuthorizationCode(RedirectUri), Ct)).Value;
        canvas.ExpireAccessToken(first.AccessToken);
        var expired = await services.CanvasClient(canvas, first.AccessToken).GetCourseAsync(canvas.Fixture.CourseId, Ct);
        Assert.Equal(PlatformErrorKind.TokenInvalid, expired.Error?.Kind);

        var refreshed = await oauth.RefreshAsync(canvas.BaseUrl, KeyFor(canvas), first.RefreshToken!, Ct);

        Assert.True(refreshed.IsSuccess, refreshed.ToString());
        Assert.NotEqual(first.AccessToken, refreshed.Value.AccessToken);
        Assert.Equal(first.RefreshToken, refreshed.Value.RefreshToken);
        Assert.True((await services.CanvasClient(canvas, refreshed.Value.AccessToken).GetCourseAsync(canvas.Fixture.CourseId, Ct)).IsSuccess);
    }

    [Fact]
    public async Task Refresh_WithAnUnknownRefreshToken_IsInvalidGrant()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var oauth = services.GetRequiredService<ICanvasOAuthClient>();

        var result = await oauth.RefreshAsync(canvas.BaseUrl, KeyFor(canvas), "not-a-refresh-token", Ct);

        Assert.Equal(PlatformErrorCodes.CanvasOAuthInvalidGrant, result.Error?.Code);
    }

    [Fact]
    public async Task Revoke_MakesTheTokenUnusable()
    {
        using var canvas = EmulatedCanvas.Start();
        await using var services = PlatformServices.Build();
        var oauth = services.GetRequiredService<ICanvasOAuthClient>();
        var token = (await oauth.ExchangeCodeAsync(canvas.BaseUrl, KeyFor(canvas), canvas.IssueAuthorizationCode(RedirectUri), Ct)).Value;

        var revoked = await oauth.RevokeAsync(canvas.BaseUrl, token.AccessToken, Ct);

        Assert.True(revoked.IsSuccess);
        Assert.Equal(1, canvas.RevokedTokens);
        Assert.False(canvas.IsAccessTokenValid(token.AccessToken));
    }
}
