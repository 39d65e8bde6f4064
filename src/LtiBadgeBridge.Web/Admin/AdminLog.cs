namespace LtiBadgeBridge.Web.Admin;

/// <summary>Admin console log events (7000-7099). Never the token, never personal data.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Operator signed in to the admin console")]
    public static partial void OperatorSignedIn(ILogger logger);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Operator login refused: wrong token")]
    public static partial void OperatorTokenRejected(ILogger logger);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Operator login refused: too many attempts")]
    public static partial void OperatorLoginThrottled(ILogger logger);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Issuer key rotated for platform {PlatformId} ({Purpose}): new kid {Kid}")]
    public static partial void IssuerKeyRotated(ILogger logger, long platformId, string purpose, string kid);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Issuer profile of platform {PlatformId} updated")]
    public static partial void IssuerProfileUpdated(ILogger logger, long platformId);
}
