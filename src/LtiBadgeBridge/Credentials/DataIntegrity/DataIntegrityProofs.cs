using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Rdf;
using NSec.Cryptography;

namespace LtiBadgeBridge.Credentials.DataIntegrity;

/// <summary>
/// Data Integrity proofs with the <c>eddsa-rdfc-2022</c> cryptosuite (W3C vc-di-eddsa): RDFC-1.0 canonical forms of
/// the document and of the proof configuration, SHA-256 of each, Ed25519 over their concatenation. Contexts come only
/// from the processor's loader (the pinned cache). JSON-LD runs in safe mode: a term no context defines fails
/// instead of being dropped from what is signed. Thread-safe.
/// </summary>
public sealed class DataIntegrityProofs
{
    /// <summary>The proof type.</summary>
    public const string ProofType = "DataIntegrityProof";

    /// <summary>The cryptosuite.</summary>
    public const string Cryptosuite = "eddsa-rdfc-2022";

    private static readonly JsonLdOptions JsonLdOptions = new() { Safe = true };
    private readonly JsonLdProcessor _processor;
    private readonly Rdfc10Options _canonicalization;

    /// <summary>Creates the proof service over a JSON-LD processor (whose loader must be the pinned context cache).</summary>
    public DataIntegrityProofs(JsonLdProcessor processor, Rdfc10Options? canonicalization = null)
    {
        ArgumentNullException.ThrowIfNull(processor);
        _processor = processor;
        _canonicalization = canonicalization ?? Rdfc10Options.Default;
    }

    /// <summary>
    /// Returns a copy of <paramref name="credential"/> with an eddsa-rdfc-2022 <c>proof</c> added (a second proof makes
    /// <c>proof</c> an array: a proof set). Throws <see cref="JsonLdException"/> when a context is missing from the cache
    /// (its message names the import command) or the credential uses undefined terms.
    /// </summary>
    public JsonObject Sign(JsonObject credential, ProofOptions options, Key privateKey)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.Algorithm is not Ed25519)
        {
            throw new ArgumentException("eddsa-rdfc-2022 needs an Ed25519 key.", nameof(privateKey));
        }

        var unsecured = (JsonObject)credential.DeepClone();
        var existingProofs = unsecured["proof"]?.DeepClone();
        unsecured.Remove("proof");

        var proof = BuildProofConfig(options);
        var input = Prepare(unsecured, proof);
        var signature = SignatureAlgorithm.Ed25519.Sign(privateKey, input.HashData);
        proof["proofValue"] = Base58Btc.EncodeMultibase(signature);

        var secured = (JsonObject)credential.DeepClone();
        secured["proof"] = existingProofs switch
        {
            null => proof,
            JsonArray array => new JsonArray([.. array.Select(p => p?.DeepClone()), proof]),
            _ => new JsonArray(existingProofs, proof),
        };
        return secured;
    }

    /// <summary>
    /// Verifies every eddsa-rdfc-2022 proof on <paramref name="securedDocument"/> (a single proof, a proof set, or a
    /// chain through <c>previousProof</c>); proofs of other suites are left to their own verifiers, and a document with
    /// none of ours is <see cref="ProofVerificationCodes.ProofUnsupported"/>. <paramref name="resolveVerificationMethod"/> maps a verification method URL to its Ed25519
    /// public key (null when unknown); use <see cref="DidKey.ResolveEd25519"/> for did:key.
    /// </summary>
    public ProofVerificationResult Verify(
        JsonObject securedDocument,
        Func<string, PublicKey?> resolveVerificationMethod,
        string expectedProofPurpose = "assertionMethod")
    {
        ArgumentNullException.ThrowIfNull(securedDocument);
        ArgumentNullException.ThrowIfNull(resolveVerificationMethod);
        var proofs = securedDocument["proof"] switch
        {
            JsonObject single => [single],
            JsonArray array => array.OfType<JsonObject>().ToList(),
            _ => [],
        };
        if (proofs.Count == 0)
        {
            return ProofVerificationResult.Fail(ProofVerificationCodes.ProofMissing, "The document has no proof.");
        }

        var supported = proofs.Where(p => Text(p, "type") == ProofType && Text(p, "cryptosuite") == Cryptosuite).ToList();
        if (supported.Count == 0)
        {
            return ProofVerificationResult.Fail(
                ProofVerificationCodes.ProofUnsupported, $"No proof is a {ProofType} with cryptosuite {Cryptosuite}.");
        }

        var unsecured = (JsonObject)securedDocument.DeepClone();
        unsecured.Remove("proof");
        ProofVerificationResult? last = null;
        foreach (var proof in supported)
        {
            last = VerifyOne(unsecured, proof, proofs, resolveVerificationMethod, expectedProofPurpose);
            if (!last.Verified)
            {
                return last;
            }
        }

        return last!;
    }

    /// <summary>
    /// The eddsa-rdfc-2022 transformation and hashing of a document (without <c>proof</c>) and a proof configuration
    /// (without <c>proofValue</c>); the configuration takes the document's @context.
    /// </summary>
    public CanonicalProofInput Prepare(JsonObject unsecuredDocument, JsonObject proofConfig)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(proofConfig);
        var config = (JsonObject)proofConfig.DeepClone();
        config.Remove("proofValue");
        config.Remove("@context");
        if (unsecuredDocument["@context"] is { } context)
        {
            var withContext = new JsonObject { ["@context"] = context.DeepClone() };
            foreach (var (key, value) in config)
            {
                withContext[key] = value?.DeepClone();
            }

            config = withContext;
        }

        var canonicalConfig = Canonicalize(config);
        var canonicalDocument = Canonicalize(unsecuredDocument);
        return new CanonicalProofInput
        {
            CanonicalDocument = canonicalDocument,
            CanonicalProofConfig = canonicalConfig,
            ProofConfigHash = SHA256.HashData(Encoding.UTF8.GetBytes(canonicalConfig)),
            DocumentHash = SHA256.HashData(Encoding.UTF8.GetBytes(canonicalDocument)),
        };
    }

    private string Canonicalize(JsonObject document) =>
        Rdfc10Canonicalizer.Canonicalize([.. _processor.ToRdf(document, JsonLdOptions)], _canonicalization).NQuads;

    private ProofVerificationResult VerifyOne(
        JsonObject unsecured,
        JsonObject proof,
        List<JsonObject> allProofs,
        Func<string, PublicKey?> resolve,
        string expectedProofPurpose)
    {
        var method = proof["verificationMethod"] is JsonValue vm && vm.TryGetValue<string>(out var m) ? m : null;
        if (Text(proof, "type") != ProofType || Text(proof, "cryptosuite") != Cryptosuite)
        {
            return ProofVerificationResult.Fail(
                ProofVerificationCodes.ProofUnsupported, $"Only {ProofType} proofs with {Cryptosuite} are supported.", method);
        }

        if (method is null || Text(proof, "proofPurpose") is not { } purpose)
        {
            return ProofVerificationResult.Fail(ProofVerificationCodes.ProofMalformed, "The proof lacks verificationMethod or proofPurpose.", method);
        }

        if (!Base58Btc.TryDecodeMultibase(Text(proof, "proofValue"), out var signature) || signature.Length != 64)
        {
            return ProofVerificationResult.Fail(
                ProofVerificationCodes.ProofMalformed, "proofValue must be multibase base58btc ('z') of a 64-byte Ed25519 signature.", method);
        }

        if (purpose != expectedProofPurpose)
        {
            return ProofVerificationResult.Fail(
                ProofVerificationCodes.ProofPurposeMismatch, $"The proof purpose is {purpose}, not {expectedProofPurpose}.", method);
        }

        var document = unsecured;
        if (proof["@context"] is { } proofContext && !ContextStartsWith(unsecured["@context"], proofContext))
        {
            return ProofVerificationResult.Fail(
                ProofVerificationCodes.ProofMalformed, "The proof's @context is not a prefix of the document's @context.", method);
        }

        if (proof["previousProof"] is { } previous)
        {
            var ids = previous is JsonArray list ? list.Select(i => i?.ToString()).ToList() : [previous.ToString()];
            var matching = allProofs.Where(p => Text(p, "id") is { } id && ids.Contains(id)).ToList();
            if (matching.Count != ids.Count)
            {
                return ProofVerificationResult.Fail(ProofVerificationCodes.ProofMalformed, "A previousProof is not in the document.", method);
            }

            document = (JsonObject)unsecured.DeepClone();
            document["proof"] = new JsonArray([.. matching.Select(p => p.DeepClone())]);
        }

        var key = resolve(method);
        if (key is null || key.Algorithm is not Ed25519)
        {
            return ProofVerificationResult.Fail(
                ProofVerificationCodes.KeyUnresolved, $"The verification method {method} did not resolve to an Ed25519 key.", method);
        }

        CanonicalProofInput input;
        try
        {
            input = Prepare(document, proof);
        }
        catch (JsonLdException ex) when (ex.ErrorCode == JsonLdErrorCodes.LoadingRemoteContextFailed)
        {
            return ProofVerificationResult.Fail(ProofVerificationCodes.ContextUnavailable, ex.Message, method);
        }
        catch (JsonLdException ex)
        {
            return ProofVerificationResult.Fail(ProofVerificationCodes.DocumentInvalid, $"{ex.ErrorCode}: {ex.Message}", method);
        }
        catch (RdfcWorkLimitExceededException ex)
        {
            return ProofVerificationResult.Fail(ProofVerificationCodes.CanonicalizationLimit, ex.Message, method);
        }

        return SignatureAlgorithm.Ed25519.Verify(key, input.HashData, signature)
            ? new ProofVerificationResult
            {
                Verified = true,
                Code = ProofVerificationCodes.Verified,
                Message = "The proof verified.",
                VerificationMethod = method,
            }
            : ProofVerificationResult.Fail(
                ProofVerificationCodes.SignatureInvalid, "The signature does not match the document and proof configuration.", method);
    }

    private static JsonObject BuildProofConfig(ProofOptions options)
    {
        var proof = new JsonObject();
        if (options.Id is not null)
        {
            proof["id"] = options.Id;
        }

        proof["type"] = ProofType;
        proof["cryptosuite"] = Cryptosuite;
        if (options.Created is { } created)
        {
            proof["created"] = FormatDateTime(created);
        }

        if (options.Expires is { } expires)
        {
            proof["expires"] = FormatDateTime(expires);
        }

        proof["verificationMethod"] = options.VerificationMethod;
        proof["proofPurpose"] = options.ProofPurpose;
        if (options.Domain is not null)
        {
            proof["domain"] = options.Domain;
        }

        if (options.Challenge is not null)
        {
            proof["challenge"] = options.Challenge;
        }

        if (options.Nonce is not null)
        {
            proof["nonce"] = options.Nonce;
        }

        return proof;
    }

    private static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool ContextStartsWith(JsonNode? documentContext, JsonNode proofContext)
    {
        var document = documentContext is JsonArray d ? d.ToList() : [documentContext];
        var prefix = proofContext is JsonArray p ? p.ToList() : [proofContext];
        return prefix.Count <= document.Count &&
            prefix.Select((item, i) => JsonNode.DeepEquals(item, document[i])).All(equal => equal);
    }
}
