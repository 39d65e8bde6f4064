using System.Globalization;
using System.Text;

namespace LtiBadgeBridge.Credentials.Issuers;

/// <summary>
/// <c>did:web</c> identifiers (W3C CCG did:web method): <c>https://badges.example.edu</c> is
/// <c>did:web:badges.example.edu</c> (document at <c>/.well-known/did.json</c>), and
/// <c>https://badges.example.edu/issuers/7</c> is <c>did:web:badges.example.edu:issuers:7</c>
/// (document at <c>/issuers/7/did.json</c>). A port is percent-encoded (<c>%3A</c>).
/// </summary>
public static class DidWeb
{
    private const string Prefix = "did:web:";

    /// <summary>The did:web for an HTTPS base URL (host plus optional path).</summary>
    public static string FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("did:web needs an absolute https URL.", nameof(url));
        }

        var builder = new StringBuilder(Prefix).Append(url.IdnHost.ToLowerInvariant());
        if (!url.IsDefaultPort)
        {
            builder.Append("%3A").Append(url.Port.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var segment in url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(':').Append(segment);
        }

        return builder.ToString();
    }

    /// <summary>The HTTPS URL where the DID document of <paramref name="did"/> must be served.</summary>
    public static Uri DocumentUrl(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!did.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a did:web.", nameof(did));
        }

        var parts = did[Prefix.Length..].Split('#')[0].Split(':');
        var host = Uri.UnescapeDataString(parts[0]);
        var path = parts.Length == 1 ? "/.well-known/did.json" : "/" + string.Join('/', parts[1..]) + "/did.json";
        return new Uri("https://" + host + path);
    }

    /// <summary>The verification method id <c>did#keyId</c>.</summary>
    public static string KeyUrl(string did, string keyId) => did + "#" + keyId;
}
