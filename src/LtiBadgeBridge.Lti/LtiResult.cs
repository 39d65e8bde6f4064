using System.Diagnostics.CodeAnalysis;

namespace LtiBadgeBridge.Lti;

/// <summary>Either a value or an <see cref="LtiError"/>.</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "LtiResult<T>.Ok(...) reads as intended at call sites.")]
public sealed record LtiResult<T>
{
    private LtiResult(T? value, LtiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public LtiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static LtiResult<T> Ok(T value) => new(value, null);

    public static LtiResult<T> Fail(LtiError error) => new(default, error);

    public static LtiResult<T> Fail(string code, string message) => new(default, new LtiError(code, message));

    public static implicit operator LtiResult<T>(LtiError error) => Fail(error);
}
