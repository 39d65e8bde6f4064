namespace LtiBadgeBridge.Lti;

/// <summary>Stable error codes. They appear in logs and on error pages; never rename one.</summary>
public static class LtiErrorCodes
{
    // Login initiation
    public const string LoginInvalid = "lti.login_invalid";
    public const string RegistrationUnknown = "lti.registration_unknown";

    // Launch validation, in step order
    public const string StateMissing = "lti.state_missing";
    public const string StateMismatch = "lti.state_mismatch";
    public const string JwtMalformed = "lti.jwt_malformed";
    public const string JwtTooLarge = "lti.jwt_too_large";
    public const string AlgNotAllowed = "lti.alg_not_allowed";
    public const string KidMissing = "lti.kid_missing";
    public const string KidUnknown = "lti.kid_unknown";
    public const string KeySetUnavailable = "lti.keyset_unavailable";
    public const string SignatureInvalid = "lti.signature_invalid";
    public const string IssMismatch = "lti.iss_mismatch";
    public const string AudMismatch = "lti.aud_mismatch";
    public const string AzpInvalid = "lti.azp_invalid";
    public const string TokenExpired = "lti.token_expired";
    public const string IatInFuture = "lti.iat_in_future";
    public const string NonceMissing = "lti.nonce_missing";
    public const string NonceReplayed = "lti.nonce_replayed";
    public const string NonceUnknown = "lti.nonce_unknown";
    public const string DeploymentMissing = "lti.deployment_missing";
    public const string DeploymentUnknown = "lti.deployment_unknown";
    public const string DeploymentPending = "lti.deployment_pending";
    public const string MessageTypeUnsupported = "lti.message_type_unsupported";
    public const string VersionUnsupported = "lti.version_unsupported";
    public const string ClaimMissing = "lti.claim_missing";
    public const string TargetLinkUriForeign = "lti.target_link_uri_foreign";

    // Deep linking
    public const string DeepLinkingTypeNotAccepted = "lti.deep_linking_type_not_accepted";
    public const string DeepLinkingMultipleNotAccepted = "lti.deep_linking_multiple_not_accepted";
    public const string DeepLinkingNotRequested = "lti.deep_linking_not_requested";

    // Services
    public const string ServiceHttpError = "lti.service_http_error";
    public const string ServiceResponseInvalid = "lti.service_response_invalid";
    public const string TokenRequestFailed = "lti.token_request_failed";
    public const string ScopeNotGranted = "lti.scope_not_granted";

    // Dynamic registration
    public const string RegistrationConfigurationInvalid = "lti.registration_configuration_invalid";
    public const string RegistrationFailed = "lti.registration_failed";
}
