using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>The tool's public URLs: from <c>Service:PublicBaseUrl</c> when set, else the request's origin.</summary>
public sealed class LtiUrls(IOptions<ServiceOptions> service, IOptions<LtiToolOptions> tool)
{
    public const string LoginPath = "/lti/login";
    public const string LaunchPath = "/lti/launch";
    public const string JwksPath = "/.well-known/jwks.json";
    public const string RegisterPath = "/lti/register";
    public const string CanvasConfigPath = "/lti/config/canvas.json";
    public const string DeepLinkResponsePath = "/lti/deep-link/response";

    /// <summary>The launch (redirect) URI, exactly as registered with platforms.</summary>
    public Uri Launch => tool.Value.LaunchUri;

    /// <summary>True when the tool is served over HTTPS (cookies get <c>Secure</c> and the <c>__Host-</c> prefix).</summary>
    public bool IsHttps => tool.Value.LaunchUri.Scheme == Uri.UriSchemeHttps;

    public Uri Base(HttpContext? context)
    {
        if (!string.IsNullOrEmpty(service.Value.PublicBaseUrl))
        {
            return new Uri(service.Value.PublicBaseUrl.TrimEnd('/') + "/");
        }

        return context is null
            ? new Uri(tool.Value.LaunchUri.GetLeftPart(UriPartial.Authority) + "/")
            : new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
    }

    public Uri Login(HttpContext? context) => new(Base(context), LoginPath);

    public Uri Jwks(HttpContext? context) => new(Base(context), JwksPath);

    public Uri Register(HttpContext? context) => new(Base(context), RegisterPath);

    public Uri CanvasConfig(HttpContext? context) => new(Base(context), CanvasConfigPath);

    /// <summary>The launch URI to show an admin: the configured one when a public base URL is set, else from the request.</summary>
    public Uri LaunchFor(HttpContext? context) =>
        string.IsNullOrEmpty(service.Value.PublicBaseUrl) && context is not null ? new Uri(Base(context), LaunchPath) : Launch;

    /// <summary>The launch URI when nothing else says: <c>{PublicBaseUrl}/lti/launch</c>, else from the first
    /// configured listening URL, else <c>http://localhost:5000/lti/launch</c>.</summary>
    public static Uri DefaultLaunchUri(string? publicBaseUrl, string? urls)
    {
        if (!string.IsNullOrWhiteSpace(publicBaseUrl) && Uri.TryCreate(publicBaseUrl.TrimEnd('/') + LaunchPath, UriKind.Absolute, out var configured))
        {
            return configured;
        }

        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalised = url.Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(normalised, UriKind.Absolute, out var listen) && listen.Port != 0)
            {
                return new Uri(listen.GetLeftPart(UriPartial.Authority) + LaunchPath);
            }
        }

        return new Uri("http://localhost:5000" + LaunchPath);
    }
}
