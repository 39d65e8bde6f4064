using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Credentials.Verification;

/// <summary>Verifies an embedded Data Integrity proof (<c>eddsa-rdfc-2022</c>); implemented with the JSON-LD code.</summary>
public interface IDataIntegrityVerifier
{
    /// <summary>Null when the proof verifies with a key of the credential's issuer; else the problem.</summary>
    ValueTask<CredentialProblem?> VerifyAsync(JsonObject credential, CancellationToken cancellationToken);
}
