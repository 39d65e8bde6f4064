namespace LtiBadgeBridge.Lti;

/// <summary>An expected protocol failure: a stable <see cref="Code"/> (see <see cref="LtiErrorCodes"/>)
/// and a short message for logs. The message never contains tokens or personal data.</summary>
public sealed record LtiError(string Code, string Message)
{
    /// <summary>The HTTP status the platform answered, when the failure was an HTTP answer.</summary>
    public int? HttpStatus { get; init; }

    public override string ToString() => $"{Code}: {Message}";
}
