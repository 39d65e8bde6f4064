using System.Globalization;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.Verification;

namespace LtiBadgeBridge.Credentials.StatusList;

/// <summary>
/// Builds the <c>BitstringStatusListCredential</c> served at a status list URL (sign it like any credential), and
/// reads a credential's status from one.
/// </summary>
public static class StatusListCredentialBuilder
{
    /// <summary>
    /// The unsigned status list credential. Its <c>issuer</c> is the issuer id (a string), which verifiers compare
    /// with the issuer of the credentials that point at it; <c>credentialSubject.type</c> is the string
    /// <c>BitstringStatusList</c> (verifier libraries compare it as a string).
    /// </summary>
    public static JsonObject Build(Uri listUrl, string issuerId, string purpose, BitstringStatusList list, DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
    {
        ArgumentNullException.ThrowIfNull(listUrl);
        ArgumentNullException.ThrowIfNull(list);
        var json = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialConstants.VcV2Context),
            ["id"] = listUrl.AbsoluteUri,
            ["type"] = new JsonArray(CredentialConstants.VerifiableCredential, CredentialConstants.BitstringStatusListCredential),
            ["issuer"] = issuerId,
            ["validFrom"] = XsdDateTime.Format(validFrom),
        };
        if (validUntil is { } until)
        {
            json["validUntil"] = XsdDateTime.Format(until);
        }

        json["credentialSubject"] = new JsonObject
        {
            ["id"] = listUrl.AbsoluteUri + "#list",
            ["type"] = "BitstringStatusList",
            ["statusPurpose"] = purpose,
            ["encodedList"] = list.Encode(),
        };
        return json;
    }

    /// <summary>
    /// Checks <paramref name="credential"/>'s BitstringStatusListEntry against the (already signature-verified)
    /// <paramref name="statusListCredential"/>: issuer and purpose must match, then the bit decides.
    /// Returns null when the bit is clear, or the problem (revoked, suspended, or an invalid list).
    /// </summary>
    public static CredentialProblem? Check(JsonObject credential, JsonObject statusListCredential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(statusListCredential);
        var entry = credential["credentialStatus"] switch
        {
            JsonArray array => array.OfType<JsonObject>().FirstOrDefault(IsBitstringEntry),
            JsonObject single when IsBitstringEntry(single) => single,
            _ => null,
        };
        if (entry is null)
        {
            return null;
        }

        var listUrl = (string?)(entry["statusListCredential"] as JsonValue);
        var purpose = (string?)(entry["statusPurpose"] as JsonValue);
        if (!TryIndex(entry["statusListIndex"], out var index))
        {
            return Invalid("statusListIndex is not a non-negative integer.");
        }

        if (!string.Equals((string?)(statusListCredential["id"] as JsonValue), listUrl, StringComparison.Ordinal))
        {
            return Invalid("The status list credential is not the one the credential names.");
        }

        if (!string.Equals(IdOf(statusListCredential["issuer"]), IdOf(credential["issuer"]), StringComparison.Ordinal))
        {
            return Invalid("The status list credential has another issuer.");
        }

        var subject = statusListCredential["credentialSubject"] as JsonObject;
        if (!string.Equals((string?)(subject?["statusPurpose"] as JsonValue), purpose, StringComparison.Ordinal))
        {
            return Invalid("The status list has another status purpose.");
        }

        if (!BitstringStatusList.TryDecode((string?)(subject?["encodedList"] as JsonValue), out var list) || index >= list!.Length)
        {
            return Invalid("The encoded list cannot be decoded or is too short.");
        }

        if (!list.Get(index))
        {
            return null;
        }

        return purpose == StatusPurposes.Suspension
            ? new CredentialProblem(CredentialProblemCodes.Suspended, "The credential is suspended.")
            : new CredentialProblem(CredentialProblemCodes.Revoked, "The credential has been revoked.");
    }

    // The spec writes the index as a string; some issuers write a JSON number.
    private static bool TryIndex(JsonNode? node, out int index)
    {
        index = -1;
        return node is JsonValue value
            && ((value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index))
                || (value.TryGetValue<int>(out index) && index >= 0));
    }

    private static bool IsBitstringEntry(JsonObject entry) =>
        (string?)(entry["type"] as JsonValue) == CredentialConstants.BitstringStatusListEntry;

    private static string? IdOf(JsonNode? node) =>
        node is JsonObject o ? (string?)(o["id"] as JsonValue) : (string?)(node as JsonValue);

    private static CredentialProblem Invalid(string message) => new(CredentialProblemCodes.StatusListInvalid, message);
}
