using System.Collections.Concurrent;
using System.Security.Cryptography;
using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>
/// The demo LMS's "Admin &gt; Developer Keys": the one-time registration tokens handed to the tool during LTI Dynamic
/// Registration, and the tool's LTI developer key once registered (its granted scopes, ON/OFF, and the deployment
/// the registration installed in the account). Launches and service tokens work only while the key is ON.
/// With <see cref="DemoLmsOptions.RegisteredAtStart"/> the key exists and is ON from the start (the quick demo).
/// </summary>
internal sealed class DemoDeveloperKeys
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    /// <summary>The service scopes this LMS grants to a tool's developer key.</summary>
    public static readonly IReadOnlyList<string> SupportedScopes =
    [
        LtiConstants.Scopes.LineItem,
        LtiConstants.Scopes.LineItemReadOnly,
        LtiConstants.Scopes.ResultReadOnly,
        LtiConstants.Scopes.Score,
        LtiConstants.Scopes.ContextMembershipReadOnly,
    ];

    private readonly TimeProvider timeProvider;
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public DemoDeveloperKeys(DemoLmsOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.timeProvider = timeProvider;
        if (options.RegisteredAtStart)
        {
            LtiKey = new DemoLtiKey
            {
                ClientId = options.ClientId,
                Name = "Badges (registered at start)",
                DeploymentId = options.DeploymentId,
                Scopes = SupportedScopes,
                On = true,
                CreatedAt = timeProvider.GetUtcNow(),
            };
        }
    }

    /// <summary>The tool's LTI developer key, null until the tool registered.</summary>
    public DemoLtiKey? LtiKey { get; private set; }

    /// <summary>Whether the tool can be launched and get service tokens: registered and ON.</summary>
    public bool LaunchesAllowed => LtiKey is { On: true };

    public bool Grants(string scope) => LtiKey is { } key && key.Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>A new one-time registration token for "+ LTI Registration".</summary>
    public string IssueRegistrationToken()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        tokens[token] = timeProvider.GetUtcNow() + TokenLifetime;
        return token;
    }

    /// <summary>Whether <paramref name="authorization"/> (a <c>Bearer</c> header) carries a live, unused registration token.</summary>
    public bool IsLiveToken(string? authorization) =>
        BearerOf(authorization) is { } token && tokens.TryGetValue(token, out var expires) && expires > timeProvider.GetUtcNow();

    /// <summary>Uses up the registration token (one registration per token); false when it is unknown, used or expired.</summary>
    public bool TryConsumeToken(string? authorization) =>
        BearerOf(authorization) is { } token && tokens.TryRemove(token, out var expires) && expires > timeProvider.GetUtcNow();

    /// <summary>Creates (or replaces) the tool's developer key, OFF until an admin turns it on.</summary>
    public DemoLtiKey Register(DemoLtiKey key)
    {
        lock (gate)
        {
            LtiKey = key with { On = false };
            return LtiKey;
        }
    }

    /// <summary>Turns the developer key ON or OFF; false when there is no key.</summary>
    public bool SetState(bool on)
    {
        lock (gate)
        {
            if (LtiKey is null)
            {
                return false;
            }

            LtiKey = LtiKey with { On = on };
            return true;
        }
    }

    private static string? BearerOf(string? authorization) =>
        authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) && header.Length > 7 ? header[7..].Trim() : null;
}

/// <summary>An LTI developer key of the demo LMS.</summary>
internal sealed record DemoLtiKey
{
    public required string ClientId { get; init; }

    public required string Name { get; init; }

    /// <summary>The deployment the registration installed in the account (launches carry it).</summary>
    public required string DeploymentId { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public bool On { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
