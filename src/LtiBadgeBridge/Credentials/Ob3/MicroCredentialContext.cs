using System.Security.Cryptography;
using System.Text;

namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>
/// Our JSON-LD extension context for the EU micro-credential elements that Open Badges 3.0 has no field for.
/// The document is fixed (its terms map to URN IRIs, so its bytes do not depend on the host); each deployment
/// serves it at a URL of its own host. It is pinned by <see cref="Sha256"/> like every other context.
/// </summary>
public static class MicroCredentialContext
{
    /// <summary>The IRI prefix of the terms.</summary>
    public const string Vocabulary = "urn:ltibadgebridge:microcredential:";

    /// <summary>Where deployments serve the document, relative to the public base URL.</summary>
    public const string RelativePath = "contexts/microcredential-v1.jsonld";

    /// <summary>The context document (UTF-8, LF line endings).</summary>
    public const string Document = """
        {
          "@context": {
            "@version": 1.1,
            "@protected": true,
            "workloadHours": { "@id": "urn:ltibadgebridge:microcredential:workloadHours" },
            "assessmentType": { "@id": "urn:ltibadgebridge:microcredential:assessmentType" },
            "deliveryMode": { "@id": "urn:ltibadgebridge:microcredential:deliveryMode" },
            "qualityAssurance": { "@id": "urn:ltibadgebridge:microcredential:qualityAssurance" },
            "prerequisites": { "@id": "urn:ltibadgebridge:microcredential:prerequisites" },
            "stackability": { "@id": "urn:ltibadgebridge:microcredential:stackability" }
          }
        }

        """;

    /// <summary>The bytes that are served and hashed.</summary>
    public static byte[] Bytes() => Encoding.UTF8.GetBytes(Document);

    /// <summary>Lowercase hex SHA-256 of <see cref="Bytes"/>: the pin for the context cache.</summary>
    public static string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes()));

    /// <summary>The context URL for a deployment's public base URL.</summary>
    public static Uri UrlFor(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        var root = publicBaseUrl.AbsoluteUri.EndsWith('/') ? publicBaseUrl : new Uri(publicBaseUrl.AbsoluteUri + "/");
        return new Uri(root, RelativePath);
    }
}
