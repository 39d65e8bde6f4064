using LtiBadgeBridge.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Lti;

/// <summary>The protocol's nonce store over <see cref="LaunchStateStore"/>: one row per login, consumed by a
/// single conditional update so that of concurrent launches with one token exactly one wins.</summary>
public sealed class DatabaseLtiNonceStore(LaunchStateStore launchStates, PlatformStore platforms, TimeProvider timeProvider) : ILtiNonceStore
{
    public Task IssueAsync(IssuedLogin login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        var platformId = RegistrationMapping.ParseId(login.RegistrationId)
            ?? throw new ArgumentException("Not a stored registration id.", nameof(login));
        return launchStates.CreateAsync(
            new LaunchState
            {
                State = login.State,
                Nonce = login.Nonce,
                PlatformId = platformId,
                TargetLinkUri = login.TargetLinkUri,
                CreatedAt = timeProvider.GetUtcNow(),
                ExpiresAt = login.ExpiresAt,
            },
            cancellationToken);
    }

    public async Task<NonceConsumption> TryConsumeAsync(string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > 256)
        {
            return NonceConsumption.Unknown;
        }

        var consumed = await launchStates.TryConsumeNonceAsync(nonce, now, cancellationToken);
        if (consumed is null)
        {
            var existing = await launchStates.FindByNonceAsync(nonce, cancellationToken);
            return existing is { ConsumedAt: not null } && existing.ExpiresAt > now ? NonceConsumption.Replayed : NonceConsumption.Unknown;
        }

        var platform = await platforms.GetAsync(consumed.PlatformId, cancellationToken);
        if (platform is null)
        {
            return NonceConsumption.Unknown; // The registration was removed while the login was in flight.
        }

        return NonceConsumption.Consumed(new IssuedLogin
        {
            State = consumed.State,
            Nonce = consumed.Nonce,
            RegistrationId = RegistrationMapping.ToProtocol(platform).Id,
            Issuer = platform.Issuer,
            ClientId = platform.ClientId,
            TargetLinkUri = consumed.TargetLinkUri,
            ExpiresAt = consumed.ExpiresAt,
        });
    }
}
