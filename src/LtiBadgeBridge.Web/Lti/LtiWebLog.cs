namespace LtiBadgeBridge.Web.Lti;

/// <summary>Log events of the LTI door. Codes only: never tokens, keys or personal data.</summary>
internal static partial class LtiWebLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "LTI request refused at {Endpoint} with {Code}")]
    public static partial void Refused(ILogger logger, string endpoint, string code);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "LTI launch of registration {PlatformId} bound course {CourseId}")]
    public static partial void Launched(ILogger logger, long platformId, long? courseId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Platform file {FileName} loaded as registration {PlatformId}")]
    public static partial void PlatformFileLoaded(ILogger logger, string fileName, long? platformId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Platform file {FileName} not loaded: {Problem}")]
    public static partial void PlatformFileFailed(ILogger logger, string fileName, string problem);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Dynamic registration stored registration {PlatformId} ({Family})")]
    public static partial void Registered(ILogger logger, long platformId, string family);
}
