using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.DataIntegrity;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Tests.Unit.Credentials.JsonLd;
using NSec.Cryptography;

namespace LtiBadgeBridge.Tests.Unit.Credentials.DataIntegrity;

public sealed class DataIntegrityProofsTests
{
    private static readonly DataIntegrityProofs Proofs = new(ImportedContexts.Processor);
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_ThenVerify_WithDidKey_Verifies()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var method = DidKey.VerificationMethodFor(key.PublicKey);

        var signed = Proofs.Sign(Credential(), new ProofOptions { VerificationMethod = method, Created = Created }, key);

        Assert.Equal("2026-11-28T12:00:00Z", (string)signed["proof"]!["created"]!);
        Assert.StartsWith("z", (string)signed["proof"]!["proofValue"]!, StringComparison.Ordinal);
        var result = Proofs.Verify(signed, DidKey.ResolveEd25519);
        Assert.True(result.Verified, result.Message);
        Assert.Equal(method, result.VerificationMethod);
    }

    [Theory]
    [InlineData("name", "Teamwork Badge (forged)")]
    [InlineData("validFrom", "2011-01-01T00:00:00Z")]
    public void Verify_ChangedCredentialField_IsSignatureInvalid(string field, string value)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signed = Proofs.Sign(Credential(), new ProofOptions { VerificationMethod = DidKey.VerificationMethodFor(key.PublicKey) }, key);
        signed[field] = value;

        Assert.Equal(ProofVerificationCodes.SignatureInvalid, Proofs.Verify(signed, DidKey.ResolveEd25519).Code);
    }

    [Fact]
    public void Verify_ChangedProofCreated_IsSignatureInvalid()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signed = Proofs.Sign(Credential(), new ProofOptions { VerificationMethod = DidKey.VerificationMethodFor(key.PublicKey), Created = Created }, key);
        signed["proof"]!["created"] = "2026-11-28T12:00:01Z";

        Assert.Equal(ProofVerificationCodes.SignatureInvalid, Proofs.Verify(signed, DidKey.ResolveEd25519).Code);
    }

    [Fact]
    public void Verify_OtherKeysSignature_IsSignatureInvalid()
    {
        using var signer = Key.Create(SignatureAlgorithm.Ed25519);
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var signed = Proofs.Sign(Credential(), new ProofOptions { VerificationMethod = "https://example.edu/issuers/565049#key-1" }, signer);

        var result = Proofs.Verify(signed, _ => other.PublicKey);

        Assert.Equal(ProofVerificationCodes.SignatureInvalid, result.Code);
    }

    [Fact]
    public void Verify_UnresolvableMethod_IsKeyUnresolved()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signed = Proofs.Sign(Credential(), new ProofOptions { VerificationMethod = "https://example.edu/issuers/565049#key-1" }, key);

        Assert.Equal(ProofVerificationCodes.KeyUnresolved, Proofs.Verify(signed, DidKey.ResolveEd25519).Code);
    }

    [Fact]
    public void Verify_NoProof_IsProofMissing_AndForeignSuiteIsUnsupported()
    {
        Assert.Equal(ProofVerificationCodes.ProofMissing, Proofs.Verify(Credential(), DidKey.ResolveEd25519).Code);

        var foreign = Credential();
        foreign["proof"] = new JsonObject { ["type"] = "DataIntegrityProof", ["cryptosuite"] = "ecdsa-rdfc-2019" };
        Assert.Equal(ProofVerificationCodes.ProofUnsupported, Proofs.Verify(foreign, DidKey.ResolveEd25519).Code);
    }

    [Fact]
    public void Sign_ContextMissingFromCache_FailsClosedNamingTheImportCommand()
    {
        var empty = new ContextCache(new ContextCacheOptions { Directory = ImportedContexts.NewTemporaryDirectory() });
        var proofs = new DataIntegrityProofs(new JsonLdProcessor(empty));
        using var key = Key.Create(SignatureAlgorithm.Ed25519);

        var error = Assert.Throws<JsonLdException>(() => proofs.Sign(Credential(), new ProofOptions { VerificationMethod = "did:example:1#k" }, key));

        Assert.Contains("LtiBadgeBridge.Web contexts import <dir>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ContextMissingFromCache_IsContextUnavailable()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signed = Proofs.Sign(Credential(), new ProofOptions { VerificationMethod = DidKey.VerificationMethodFor(key.PublicKey) }, key);
        var empty = new ContextCache(new ContextCacheOptions { Directory = ImportedContexts.NewTemporaryDirectory() });

        var result = new DataIntegrityProofs(new JsonLdProcessor(empty)).Verify(signed, DidKey.ResolveEd25519);

        Assert.Equal(ProofVerificationCodes.ContextUnavailable, result.Code);
    }

    [Fact]
    public void Sign_TermNoContextDefines_FailsInsteadOfDroppingIt()
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(PinnedContexts.CredentialsV1),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "https://example.edu/issuers/565049",
            ["issuanceDate"] = "2010-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:1", ["undefinedTerm"] = "not signed if dropped" },
        };
        using var key = Key.Create(SignatureAlgorithm.Ed25519);

        var error = Assert.Throws<JsonLdException>(() => Proofs.Sign(credential, new ProofOptions { VerificationMethod = "did:example:1#k" }, key));

        Assert.Equal(JsonLdErrorCodes.SafeModeViolation, error.ErrorCode);
    }

    [Fact]
    public void Sign_SecondProof_MakesAProofSetThatVerifies()
    {
        using var first = Key.Create(SignatureAlgorithm.Ed25519);
        using var second = Key.Create(SignatureAlgorithm.Ed25519);
        var once = Proofs.Sign(Credential(), new ProofOptions { VerificationMethod = DidKey.VerificationMethodFor(first.PublicKey) }, first);

        var twice = Proofs.Sign(once, new ProofOptions { VerificationMethod = DidKey.VerificationMethodFor(second.PublicKey) }, second);

        Assert.Equal(2, twice["proof"]!.AsArray().Count);
        Assert.True(Proofs.Verify(twice, DidKey.ResolveEd25519).Verified);
    }

    [Fact]
    public async Task SignAndVerify_ManyThreadsOnOneFreshProcessor_AllVerify()
    {
        var cache = new ContextCache(new ContextCacheOptions { Directory = ImportedContexts.NewTemporaryDirectory() });
        cache.ImportDirectory(LtiBadgeBridge.Testing.TestVectors.Path("ob3", "contexts"));
        var proofs = new DataIntegrityProofs(new JsonLdProcessor(cache));
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var options = new ProofOptions { VerificationMethod = DidKey.VerificationMethodFor(key.PublicKey), Created = Created };
        var complete = EddsaRdfc2022VectorTests.ReadObject("ob3", "samples", "1edtech-validator-ob30", "complete.json");
        complete.Remove("proof");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(
            () =>
            {
                var credential = i % 2 == 0 ? Credential() : (JsonObject)complete.DeepClone();
                credential["name"] = $"Badge {i}";
                return proofs.Verify(proofs.Sign(credential, options, key), DidKey.ResolveEd25519).Code;
            },
            TestContext.Current.CancellationToken)));

        Assert.All(results, code => Assert.Equal(ProofVerificationCodes.Verified, code));
    }

    private static JsonObject Credential() =>
        EddsaRdfc2022VectorTests.ReadObject("ob3", "proof-vectors", "1edtech-obv3p0", "unsigned-credential.json");
}
