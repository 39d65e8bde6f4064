namespace LtiBadgeBridge.Lti.Services;

/// <summary>An OAuth 2 access token for the LTI services of one registration.</summary>
public sealed record LtiAccessToken(string Value, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes);
