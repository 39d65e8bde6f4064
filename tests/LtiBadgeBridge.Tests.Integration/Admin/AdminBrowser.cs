using System.Net;
using System.Text.RegularExpressions;

namespace LtiBadgeBridge.Tests.Integration.Admin;

/// <summary>Plays a browser on the admin console: reads the antiforgery token of a page's form and posts it back.</summary>
internal static partial class AdminBrowser
{
    public const string Token = "operator-secret-for-tests-0123456789";

    public static Dictionary<string, string?> Settings(string? operatorToken = Token) => new() { ["Service:OperatorToken"] = operatorToken };

    /// <summary>GET /admin/login, then POST the token with the form's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token, string? returnUrl = null)
    {
        var form = await browser.GetStringAsync(new Uri("/admin/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var fields = new Dictionary<string, string> { ["Token"] = token, ["__RequestVerificationToken"] = AntiforgeryToken(form) };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await browser.PostAsync(new Uri("/admin/login", UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    /// <summary>Posts a form of <paramref name="pagePath"/> as the page itself would (antiforgery token included).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string pagePath, string handler, IDictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(new Uri(pagePath, UriKind.Relative), TestContext.Current.CancellationToken);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        var separator = pagePath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var target = handler.Length == 0 ? pagePath : $"{pagePath}{separator}handler={handler}";
        return await browser.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(all), TestContext.Current.CancellationToken);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static bool SetsAdminCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ltibb-admin=", StringComparison.Ordinal) && !c.StartsWith("ltibb-admin=;", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex AntiforgeryField();
}
