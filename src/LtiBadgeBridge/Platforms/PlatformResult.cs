using System.Diagnostics.CodeAnalysis;

namespace LtiBadgeBridge.Platforms;

/// <summary>The value of an LMS call, or the expected failure that stopped it.</summary>
public sealed class PlatformResult<T>
{
    private readonly T? value;

    private PlatformResult(T? value, PlatformError? error)
    {
        this.value = value;
        Error = error;
    }

    public PlatformError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the call failed (check <see cref="IsSuccess"/> first).</summary>
    public T Value => IsSuccess
        ? value!
        : throw new InvalidOperationException($"The LMS call failed ({Error.Code}); check IsSuccess before reading Value.");

#pragma warning disable CA2225 // The named alternates are PlatformResult.Success and PlatformResult.Failure.
    public static implicit operator PlatformResult<T>(T value) => new(value, null);

    public static implicit operator PlatformResult<T>(PlatformError error) =>
        new(default, error ?? throw new ArgumentNullException(nameof(error)));
#pragma warning restore CA2225

    /// <summary>Maps the value, keeping a failure as it is.</summary>
    public PlatformResult<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? PlatformResult.Success(map(value!)) : PlatformResult.Failure<TOut>(Error);
    }

    public override string ToString() => IsSuccess ? $"Success({value})" : $"Failure({Error})";
}
