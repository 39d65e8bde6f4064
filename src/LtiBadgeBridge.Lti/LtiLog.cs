using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Lti;

/// <summary>Log messages of the LTI library (event ids 1000-1099). Never tokens, keys or personal data.</summary>
internal static partial class LtiLog
{
    [LoggerMessage(1000, LogLevel.Information, "LTI launch rejected by {Step}: {Code}")]
    public static partial void LaunchRejected(ILogger logger, string step, string code);

    [LoggerMessage(1001, LogLevel.Debug, "LTI launch accepted for registration {RegistrationId}, deployment {DeploymentId}")]
    public static partial void LaunchAccepted(ILogger logger, string registrationId, string deploymentId);

    [LoggerMessage(1002, LogLevel.Information, "LTI login refused: {Code}")]
    public static partial void LoginRefused(ILogger logger, string code);

    [LoggerMessage(1010, LogLevel.Information, "Fetched platform key set {JwksUri}: {KeyCount} keys, cached for {Lifetime}")]
    public static partial void KeySetFetched(ILogger logger, Uri jwksUri, int keyCount, TimeSpan lifetime);

    [LoggerMessage(1011, LogLevel.Warning, "Fetching platform key set {JwksUri} failed: {Reason}")]
    public static partial void KeySetFetchFailed(ILogger logger, Uri jwksUri, string reason);

    [LoggerMessage(1020, LogLevel.Debug, "Obtained an access token for registration {RegistrationId}, valid {Lifetime}")]
    public static partial void AccessTokenObtained(ILogger logger, string registrationId, TimeSpan lifetime);

    [LoggerMessage(1021, LogLevel.Warning, "Access token request for registration {RegistrationId} failed with HTTP {Status}")]
    public static partial void AccessTokenFailed(ILogger logger, string registrationId, int status);

    [LoggerMessage(1030, LogLevel.Warning, "Not following a paging link to another host ({Host})")]
    public static partial void ForeignNextLink(ILogger logger, string host);

    [LoggerMessage(1031, LogLevel.Warning, "Stopped paging at the page cap ({PageCap})")]
    public static partial void PageCapReached(ILogger logger, int pageCap);

    [LoggerMessage(1032, LogLevel.Warning, "LTI service call {Method} to {Host} failed with HTTP {Status}")]
    public static partial void ServiceCallFailed(ILogger logger, string method, string host, int status);
}
