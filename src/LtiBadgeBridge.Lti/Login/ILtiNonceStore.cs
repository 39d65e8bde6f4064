namespace LtiBadgeBridge.Lti.Login;

/// <summary>Nonces the tool issued at login. A nonce is accepted once: <see cref="TryConsumeAsync"/> must be
/// atomic (e.g. <c>UPDATE ... SET consumed_at = @now WHERE nonce = @n AND consumed_at IS NULL AND
/// expires_at &gt; @now RETURNING ...</c>) so that of two concurrent launches with one token exactly one wins.
/// Rows may be purged after they expire: an unknown nonce is refused as well.</summary>
public interface ILtiNonceStore
{
    Task IssueAsync(IssuedLogin login, CancellationToken cancellationToken);

    Task<NonceConsumption> TryConsumeAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The outcome of consuming a nonce; <see cref="Login"/> is set when <see cref="Outcome"/> is Consumed.</summary>
public sealed record NonceConsumption(NonceOutcome Outcome, IssuedLogin? Login)
{
    public static readonly NonceConsumption Unknown = new(NonceOutcome.Unknown, null);
    public static readonly NonceConsumption Replayed = new(NonceOutcome.Replayed, null);

    public static NonceConsumption Consumed(IssuedLogin login) => new(NonceOutcome.Consumed, login);
}

public enum NonceOutcome
{
    /// <summary>Issued by us, unexpired, and now marked used by this call.</summary>
    Consumed = 0,

    /// <summary>Issued by us but already used.</summary>
    Replayed = 1,

    /// <summary>Never issued, or expired.</summary>
    Unknown = 2,
}
