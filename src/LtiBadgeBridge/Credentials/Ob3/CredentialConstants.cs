namespace LtiBadgeBridge.Credentials.Ob3;

/// <summary>Context, type and schema URIs used by the credentials we produce. Each lives here once.</summary>
public static class CredentialConstants
{
    /// <summary>W3C Verifiable Credentials Data Model 2.0 context (defines BitstringStatusListEntry too).</summary>
    public const string VcV2Context = "https://www.w3.org/ns/credentials/v2";

    /// <summary>Open Badges 3.0.3 context.</summary>
    public const string Ob3Context = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>1EdTech extensions context: defines <c>1EdTechJsonSchemaValidator2019</c> (used by credentialSchema).</summary>
    public const string Ob3ExtensionsContext = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /// <summary>Open Badges 2.0 context.</summary>
    public const string Ob2Context = "https://w3id.org/openbadges/v2";

    /// <summary>DID Core v1 context.</summary>
    public const string DidV1Context = "https://www.w3.org/ns/did/v1";

    /// <summary>Multikey context (Ed25519 verification methods).</summary>
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>JsonWebKey verification method context.</summary>
    public const string JwkContext = "https://w3id.org/security/jwk/v1";

    /// <summary>The 1EdTech JSON schema of an AchievementCredential (OpenBadgeCredential).</summary>
    public const string AchievementCredentialSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary>The 1EdTech JSON schema of an EndorsementCredential.</summary>
    public const string EndorsementCredentialSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json";

    /// <summary>The credentialSchema type 1EdTech defines for its JSON schemas.</summary>
    public const string JsonSchemaValidatorType = "1EdTechJsonSchemaValidator2019";

    public const string VerifiableCredential = "VerifiableCredential";
    public const string OpenBadgeCredential = "OpenBadgeCredential";
    public const string EndorsementCredential = "EndorsementCredential";
    public const string BitstringStatusListCredential = "BitstringStatusListCredential";
    public const string BitstringStatusListEntry = "BitstringStatusListEntry";
}
