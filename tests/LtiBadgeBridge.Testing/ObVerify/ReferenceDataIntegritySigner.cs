namespace LtiBadgeBridge.Testing.ObVerify;

/// <summary>
/// Signs a credential with <c>eddsa-rdfc-2022</c> using the Digital Credentials Consortium's own libraries
/// (installed with ob-verify). A reference oracle: it proves that the JSON we build has no undefined JSON-LD term
/// (the libraries canonicalize in safe mode) and that our DID document authorises the key, and it gives the C#
/// Data Integrity implementation a proof to compare with (Ed25519 is deterministic for a fixed <c>created</c>).
/// </summary>
public static class ReferenceDataIntegritySigner
{
    private const string ScriptName = "ltibb-reference-di-sign.mjs";

    // Reads a JSON request on stdin: { credential, seedHex, verificationMethod, created?, contexts: { url: document } }.
    private const string Script = """
        import * as vc from '@digitalcredentials/vc';
        import { DataIntegrityProof } from '@digitalcredentials/data-integrity';
        import { cryptosuite } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
        import * as Ed25519Multikey from '@digitalcredentials/ed25519-multikey';
        import { securityLoader } from '@digitalcredentials/security-document-loader';
        let input = '';
        for await (const chunk of process.stdin) input += chunk;
        const req = JSON.parse(input);
        const controller = req.verificationMethod.split('#')[0];
        const key = await Ed25519Multikey.generate({ seed: Buffer.from(req.seedHex, 'hex'), controller, id: req.verificationMethod });
        const loader = securityLoader();
        for (const [url, doc] of Object.entries(req.contexts ?? {})) loader.addStatic(url, doc);
        const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite, date: req.created });
        const signed = await vc.issue({ credential: req.credential, suite, documentLoader: loader.build() });
        process.stdout.write(JSON.stringify(signed));
        """;

    /// <summary>The script file inside the ob-verify install (so its imports resolve there).</summary>
    internal static string EnsureScript(string installDirectory)
    {
        var path = Path.Combine(installDirectory, ScriptName);
        if (!File.Exists(path) || File.ReadAllText(path) != Script)
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N")[..8];
            File.WriteAllText(temporary, Script);
            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }
}
