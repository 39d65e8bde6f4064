using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Issuance;

/// <summary>Endorsements to embed in one place (the issuer profile or an achievement).</summary>
public sealed record EmbeddedEndorsements
{
    public static EmbeddedEndorsements None { get; } = new();

    /// <summary>JSON endorsements with their Data Integrity proof (<c>endorsement</c>).</summary>
    public IReadOnlyList<JsonObject> Json { get; init; } = [];

    /// <summary>VC-JWT endorsements (<c>endorsementJwt</c>).</summary>
    public IReadOnlyList<string> Jwts { get; init; } = [];
}
