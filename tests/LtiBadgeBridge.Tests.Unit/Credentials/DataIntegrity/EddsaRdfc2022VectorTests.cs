using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;
using NSec.Cryptography;

namespace LtiBadgeBridge.Tests.Unit.Credentials.DataIntegrity;

/// <summary>eddsa-rdfc-2022 against the published walk-throughs: canonical forms, hashes and proofValue byte-exact.</summary>
public sealed class EddsaRdfc2022VectorTests
{
    private static readonly DataIntegrityProofs Proofs = new(ImportedContexts.Processor);

    [Theory]
    [InlineData("1edtech-obv3p0")]
    [InlineData("1edtech-clrv2p0")]
    public void OneEdTechVector_CanonicalFormsHashesAndProofValue_AreByteExact(string folder)
    {
        var vector = ReadObject("ob3", "proof-vectors", folder, "vector.json");
        var unsigned = ReadObject("ob3", "proof-vectors", folder, "unsigned-credential.json");
        var proofOptions = ReadObject("ob3", "proof-vectors", folder, "proof-options.json");

        var input = Proofs.Prepare(unsigned, proofOptions);

        Assert.Equal(ReadText("ob3", "proof-vectors", folder, "document-canon.nq"), input.CanonicalDocument);
        Assert.Equal(ReadText("ob3", "proof-vectors", folder, "proof-canon.nq"), input.CanonicalProofConfig);
        Assert.Equal((string)vector["documentHashHex"]!, Convert.ToHexStringLower(input.DocumentHash));
        Assert.Equal((string)vector["proofConfigHashHex"]!, Convert.ToHexStringLower(input.ProofConfigHash));
        Assert.Equal((string)vector["hashDataHex"]!, Convert.ToHexStringLower(input.HashData));

        var keyPair = vector["keyPair"]!;
        using var key = Multikey.ImportEd25519Seed(Convert.FromHexString((string)keyPair["privateKeyHex"]!).AsSpan(0, 32));
        Assert.Equal((string)keyPair["publicKeyMultibase"]!, Multikey.EncodeEd25519PublicKey(key.PublicKey));
        var signed = Proofs.Sign(unsigned, OptionsFrom(proofOptions), key);
        Assert.Equal((string)vector["proofValue"]!, (string)signed["proof"]!["proofValue"]!);
        var publishedProof = ReadObject("ob3", "proof-vectors", folder, "signed-credential.json")["proof"];
        if (publishedProof is JsonArray { Count: 1 } single)
        {
            publishedProof = single[0];
        }

        Assert.True(JsonNode.DeepEquals(publishedProof, Reorder(signed["proof"]!, proofOptions)));
    }

    [Theory]
    [InlineData("1edtech-obv3p0")]
    [InlineData("1edtech-clrv2p0")]
    public void OneEdTechSignedCredential_Verifies_AndATamperedCopyFails(string folder)
    {
        var vector = ReadObject("ob3", "proof-vectors", folder, "vector.json");
        var keyPair = vector["keyPair"]!;
        var publicKey = Multikey.DecodeEd25519PublicKey((string)keyPair["publicKeyMultibase"]!);
        var method = (string)keyPair["verificationMethod"]!;
        PublicKey? Resolve(string vm) => vm == method ? publicKey : null;
        var signed = ReadObject("ob3", "proof-vectors", folder, "signed-credential.json");

        var result = Proofs.Verify(signed, Resolve);
        Assert.True(result.Verified, result.Message);
        Assert.Equal(ProofVerificationCodes.Verified, result.Code);

        var tampered = (JsonObject)signed.DeepClone();
        tampered["validFrom"] = "2010-01-02T00:00:00Z";
        Assert.Equal(ProofVerificationCodes.SignatureInvalid, Proofs.Verify(tampered, Resolve).Code);
    }

    [Theory]
    [InlineData("unsigned.json", "")]
    [InlineData("employmentAuth.json", "employ")]
    public void W3cVector_CanonicalFormsHashesAndProofValue_AreByteExact(string unsignedFile, string subfolder)
    {
        string[] folder = ["ob3", "proof-vectors", "w3c-vc-di-eddsa", "eddsa-rdfc-2022", subfolder];
        var unsigned = ReadObject("ob3", "proof-vectors", "w3c-vc-di-eddsa", unsignedFile);
        var proofConfig = ReadObject([.. folder, "proofConfigDataInt.json"]);

        var input = Proofs.Prepare(unsigned, proofConfig);

        Assert.Equal(ReadText([.. folder, "canonDocDataInt.txt"]).TrimEnd('\n') + "\n", input.CanonicalDocument);
        Assert.Equal(ReadText([.. folder, "proofCanonDataInt.txt"]).TrimEnd('\n') + "\n", input.CanonicalProofConfig);
        Assert.Equal(ReadText([.. folder, "docHashDataInt.txt"]).Trim(), Convert.ToHexStringLower(input.DocumentHash));
        Assert.Equal(ReadText([.. folder, "proofHashDataInt.txt"]).Trim(), Convert.ToHexStringLower(input.ProofConfigHash));

        var keyPair = ReadObject("ob3", "proof-vectors", "w3c-vc-di-eddsa", "keyPair.json");
        using var key = Multikey.DecodeEd25519SecretKey((string)keyPair["privateKeyMultibase"]!)!;
        var signed = Proofs.Sign(unsigned, OptionsFrom(proofConfig), key);
        Assert.Equal(ReadText([.. folder, "sigBTC58DataInt.txt"]).Trim(), (string)signed["proof"]!["proofValue"]!);

        var published = ReadObject([.. folder, "signedDataInt.json"]);
        Assert.True(Proofs.Verify(published, DidKey.ResolveEd25519).Verified);
    }

    [Theory]
    [InlineData("signedProofSet2.json")]
    [InlineData("signedProofChain2.json")]
    public void W3cProofSetsAndChains_Verify_WithDidKey(string file)
    {
        var signed = ReadObject("ob3", "proof-vectors", "w3c-vc-di-eddsa", "proof-set-chain", file);

        var result = Proofs.Verify(signed, DidKey.ResolveEd25519);

        Assert.True(result.Verified, result.Message);
    }

    private static ProofOptions OptionsFrom(JsonObject proofOptions) => new()
    {
        VerificationMethod = (string)proofOptions["verificationMethod"]!,
        ProofPurpose = (string)proofOptions["proofPurpose"]!,
        Created = DateTimeOffset.Parse((string)proofOptions["created"]!, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Our proof with its members in the order the published one lists them (JSON order is not signed).</summary>
    private static JsonObject Reorder(JsonNode proof, JsonObject order)
    {
        var result = new JsonObject();
        foreach (var (key, _) in order)
        {
            result[key] = proof[key]?.DeepClone();
        }

        result["proofValue"] = proof["proofValue"]?.DeepClone();
        return result;
    }

    internal static JsonObject ReadObject(params string[] path) =>
        JsonNode.Parse(File.ReadAllText(TestVectors.Path(path)), documentOptions: new JsonDocumentOptions { MaxDepth = 64 })!.AsObject();

    private static string ReadText(params string[] path) => File.ReadAllText(TestVectors.Path(path));
}
