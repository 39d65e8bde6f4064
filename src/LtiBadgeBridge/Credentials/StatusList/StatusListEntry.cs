using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Credentials.StatusList;

/// <summary>A credential's place in a bitstring status list (a <c>BitstringStatusListEntry</c>).</summary>
public sealed record StatusListEntry
{
    /// <summary>URL of the BitstringStatusListCredential.</summary>
    public required Uri StatusListCredential { get; init; }

    public required int Index { get; init; }

    /// <summary><c>revocation</c> (default) or <c>suspension</c>.</summary>
    public string Purpose { get; init; } = StatusPurposes.Revocation;

    /// <summary>The credentialStatus JSON.</summary>
    public JsonObject ToJson()
    {
        var index = Index.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = StatusListCredential.AbsoluteUri + "#" + index,
            ["type"] = CredentialConstants.BitstringStatusListEntry,
            ["statusPurpose"] = Purpose,
            ["statusListIndex"] = index,
            ["statusListCredential"] = StatusListCredential.AbsoluteUri,
        };
    }
}

/// <summary>Status purposes of the Bitstring Status List spec.</summary>
public static class StatusPurposes
{
    public const string Revocation = "revocation";
    public const string Suspension = "suspension";
}
