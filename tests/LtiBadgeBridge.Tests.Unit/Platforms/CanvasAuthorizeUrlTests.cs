using LtiBadgeBridge.Platforms.Canvas.OAuth;

namespace LtiBadgeBridge.Tests.Unit.Platforms;

public sealed class CanvasAuthorizeUrlTests
{
    private static readonly CanvasDeveloperKey Key = new()
    {
        ClientId = "170000000000123",
        ClientSecret = "secret",
        RedirectUri = new Uri("https://badges.school.example/canvas/oauth/callback"),
    };

    private static CanvasOAuthClient Client() => new(new NoHttpClientFactory(), TimeProvider.System);

    [Fact]
    public void AuthorizeUrl_CarriesTheCodeFlowParameters()
    {
        var url = Client().BuildAuthorizeUrl(new Uri("https://school.instructure.com/some/path"), Key, "st4te+/=");

        Assert.Equal("https://school.instructure.com/login/oauth2/auth", url.GetLeftPart(UriPartial.Path));
        var query = Parse(url);
        Assert.Equal("170000000000123", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("https://badges.school.example/canvas/oauth/callback", query["redirect_uri"]);
        Assert.Equal("st4te+/=", query["state"]);
        Assert.False(query.ContainsKey("scope"));
    }

    [Fact]
    public void AuthorizeUrl_WithScopes_JoinsThemWithSpaces()
    {
        var url = Client().BuildAuthorizeUrl(new Uri("https://school.instructure.com"), Key, "s",
            ["url:GET|/api/v1/courses/:id", "url:GET|/api/v1/courses/:course_id/assignments"]);

        Assert.Equal("url:GET|/api/v1/courses/:id url:GET|/api/v1/courses/:course_id/assignments", Parse(url)["scope"]);
    }

    [Fact]
    public void DeveloperKeyAndToken_NeverPrintTheirSecrets()
    {
        var token = new CanvasOAuthToken { AccessToken = "at-secret", RefreshToken = "rt-secret" };

        Assert.DoesNotContain("secret", Key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", token.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Parse(Uri url) =>
        url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    private sealed class NoHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("Building a URL makes no request.");
    }
}
