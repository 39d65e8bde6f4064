using System.Collections.Frozen;

namespace LtiBadgeBridge.Credentials.JsonLd;

/// <summary>
/// The JSON-LD contexts we accept, pinned by URL and the SHA-256 of their exact published bytes. Only these are
/// ever loaded; the documents themselves live in the context cache, never in the repository.
/// </summary>
public static class PinnedContexts
{
    /// <summary><c>https://www.w3.org/ns/credentials/v2</c>.</summary>
    public const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary><c>https://www.w3.org/2018/credentials/v1</c>.</summary>
    public const string CredentialsV1 = "https://www.w3.org/2018/credentials/v1";

    /// <summary><c>https://www.w3.org/ns/credentials/examples/v2</c>.</summary>
    public const string CredentialsExamplesV2 = "https://www.w3.org/ns/credentials/examples/v2";

    /// <summary><c>https://www.w3.org/2018/credentials/examples/v1</c>.</summary>
    public const string CredentialsExamplesV1 = "https://www.w3.org/2018/credentials/examples/v1";

    /// <summary><c>https://purl.imsglobal.org/spec/ob/v3p0/context.json</c>.</summary>
    public const string OpenBadgesV3 = "https://purl.imsglobal.org/spec/ob/v3p0/context.json";

    /// <summary><c>https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json</c>.</summary>
    public const string OpenBadgesV301 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json";

    /// <summary><c>https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json</c>.</summary>
    public const string OpenBadgesV302 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";

    /// <summary><c>https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json</c>.</summary>
    public const string OpenBadgesV303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary><c>https://purl.imsglobal.org/spec/ob/v3p0/extensions.json</c>.</summary>
    public const string OpenBadgesV3Extensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /// <summary><c>https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json</c>.</summary>
    public const string ClrV201 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    /// <summary><c>https://w3id.org/security/data-integrity/v2</c>.</summary>
    public const string DataIntegrityV2 = "https://w3id.org/security/data-integrity/v2";

    /// <summary><c>https://w3id.org/security/data-integrity/v1</c>.</summary>
    public const string DataIntegrityV1 = "https://w3id.org/security/data-integrity/v1";

    /// <summary><c>https://w3id.org/security/multikey/v1</c>.</summary>
    public const string MultikeyV1 = "https://w3id.org/security/multikey/v1";

    /// <summary><c>https://www.w3.org/ns/credentials/status/v1</c>.</summary>
    public const string BitstringStatusListV1 = "https://www.w3.org/ns/credentials/status/v1";

    /// <summary><c>https://w3id.org/vc/status-list/2021/v1</c>.</summary>
    public const string StatusList2021V1 = "https://w3id.org/vc/status-list/2021/v1";

    /// <summary><c>https://w3id.org/security/suites/ed25519-2020/v1</c>.</summary>
    public const string Ed25519Signature2020V1 = "https://w3id.org/security/suites/ed25519-2020/v1";

    /// <summary><c>https://w3id.org/openbadges/v2</c>.</summary>
    public const string OpenBadgesV2 = "https://w3id.org/openbadges/v2";

    /// <summary><c>https://www.w3.org/ns/did/v1</c>.</summary>
    public const string DidV1 = "https://www.w3.org/ns/did/v1";

    /// <summary><c>https://w3id.org/citizenship/v4rc1</c>.</summary>
    public const string CitizenshipV4Rc1 = "https://w3id.org/citizenship/v4rc1";

    /// <summary>Every pinned context.</summary>
    public static readonly IReadOnlyList<PinnedContext> All =
    [
        new(CredentialsV2, "www.w3.org_ns_credentials_v2.jsonld", "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"),
        new(CredentialsV1, "www.w3.org_2018_credentials_v1.jsonld", "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc"),
        new(CredentialsExamplesV2, "www.w3.org_ns_credentials_examples_v2.jsonld", "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"),
        new(CredentialsExamplesV1, "www.w3.org_2018_credentials_examples_v1.jsonld", "2070ae4e75bc3b4c2cfe2b8b6e86ec45119672bbb5da283f0399ea96c60a0104"),
        new(OpenBadgesV3, "purl.imsglobal.org_spec_ob_v3p0_context.json", "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10"),
        new(OpenBadgesV301, "purl.imsglobal.org_spec_ob_v3p0_context-3.0.1.json", "d582f3564282fb3b709136d28412e78e70b678b4dbc2f0221f67d84932748355"),
        new(OpenBadgesV302, "purl.imsglobal.org_spec_ob_v3p0_context-3.0.2.json", "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53"),
        new(OpenBadgesV303, "purl.imsglobal.org_spec_ob_v3p0_context-3.0.3.json", "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"),
        new(OpenBadgesV3Extensions, "purl.imsglobal.org_spec_ob_v3p0_extensions.json", "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"),
        new(ClrV201, "purl.imsglobal.org_spec_clr_v2p0_context-2.0.1.json", "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"),
        new(DataIntegrityV2, "w3id.org_security_data-integrity_v2.jsonld", "67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4"),
        new(DataIntegrityV1, "w3id.org_security_data-integrity_v1.jsonld", "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554"),
        new(MultikeyV1, "w3id.org_security_multikey_v1.jsonld", "ba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597"),
        new(BitstringStatusListV1, "www.w3.org_ns_credentials_status_v1.jsonld", "fda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7"),
        new(StatusList2021V1, "w3id.org_vc_status-list_2021_v1.jsonld", "6dd06a52bedb771e059c1083ba8ba7848dce22f6b4a8cfa0b98ba3fc188870e4"),
        new(Ed25519Signature2020V1, "w3id.org_security_suites_ed25519-2020_v1.jsonld", "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588"),
        new(OpenBadgesV2, "w3id.org_openbadges_v2.jsonld", "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d"),
        new(DidV1, "www.w3.org_ns_did_v1.jsonld", "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f"),
        new(CitizenshipV4Rc1, "w3id.org_citizenship_v4rc1.jsonld", "5038c7383afd7ab2158f1b997913a8f60978a0abcf96e0b0d08e29f146d2db1e"),
    ];

    private static readonly FrozenDictionary<string, PinnedContext> ByUrl =
        All.ToFrozenDictionary(c => c.Url, StringComparer.Ordinal);

    /// <summary>Finds the pin for a context URL.</summary>
    public static bool TryGet(string url, out PinnedContext pinned) => ByUrl.TryGetValue(url, out pinned!);

    /// <summary>
    /// The cache file name for a URL: the URL without its scheme, <c>/</c> replaced by <c>_</c>, and
    /// <c>.jsonld</c> appended unless it already ends in <c>.json</c> or <c>.jsonld</c>.
    /// </summary>
    public static string FileNameFor(string url)
    {
        var withoutScheme = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var name = withoutScheme.Replace('/', '_');
        return name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonld", StringComparison.Ordinal)
            ? name
            : name + ".jsonld";
    }
}

/// <summary>One pinned context: its URL, cache file name and the lowercase hex SHA-256 of its bytes.</summary>
public sealed record PinnedContext(string Url, string FileName, string Sha256);
