using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;
using NSec.Cryptography;

namespace LtiBadgeBridge.Tests.Unit.Credentials.DataIntegrity;

/// <summary>
/// The 1EdTech validator's OB 3.0 samples, verified offline; the outcome must match the recorded
/// <c>localEddsaRdfc2022Check</c> (verifies / does not verify / JSON-LD safe-mode error).
/// </summary>
public sealed class OpenBadgesSampleTests
{
    private static readonly DataIntegrityProofs Proofs = new(ImportedContexts.Processor);
    private static readonly JsonObject Expectations =
        EddsaRdfc2022VectorTests.ReadObject("ob3", "samples", "1edtech-validator-ob30", "expectations.json");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Expectations["samples"]!.AsArray())
        {
            var check = (string)sample!["localEddsaRdfc2022Check"]!;
            if (check.StartsWith("verifies", StringComparison.Ordinal) || check.Contains("proof verifies", StringComparison.Ordinal) ||
                check.StartsWith("does not verify", StringComparison.Ordinal) || check.StartsWith("JSON-LD safe-mode error", StringComparison.Ordinal))
            {
                data.Add((string)sample["file"]!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Verify_OpenBadgesSample_MatchesRecordedOutcome(string file)
    {
        var expectation = Expectations["samples"]!.AsArray().Single(s => (string)s!["file"]! == file)!;
        var check = (string)expectation["localEddsaRdfc2022Check"]!;
        var document = EddsaRdfc2022VectorTests.ReadObject(["ob3", "samples", "1edtech-validator-ob30", .. file.Split('/')]);

        var result = Proofs.Verify(document, KeyInMethod);

        if (check.StartsWith("JSON-LD safe-mode error", StringComparison.Ordinal))
        {
            Assert.Equal(ProofVerificationCodes.DocumentInvalid, result.Code);
        }
        else if (check.StartsWith("does not verify", StringComparison.Ordinal))
        {
            Assert.False(result.Verified);
        }
        else
        {
            Assert.True(result.Verified, $"{result.Code}: {result.Message}");
        }
    }

    /// <summary>As the recorded check did: the public key is the z6Mk... multibase the verification method ends with.</summary>
    private static PublicKey? KeyInMethod(string verificationMethod)
    {
        var hash = verificationMethod.LastIndexOf('#');
        var tail = hash < 0 ? verificationMethod[(verificationMethod.LastIndexOf(':') + 1)..] : verificationMethod[(hash + 1)..];
        return Multikey.DecodeEd25519PublicKey(tail);
    }
}
