namespace LtiBadgeBridge.Platforms;

/// <summary>Builds <see cref="PlatformResult{T}"/> values.</summary>
public static class PlatformResult
{
    public static PlatformResult<T> Success<T>(T value) => value;

    public static PlatformResult<T> Failure<T>(PlatformError error) => error;
}
