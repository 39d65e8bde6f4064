using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Tests.Contract;

/// <summary>Builders for rows the contract suites need.</summary>
internal static class TestData
{
    public static PlatformRegistration Canvas(string? clientId = null) => new()
    {
        Issuer = "https://canvas.instructure.com",
        ClientId = clientId ?? $"10000000000{Random.Shared.Next(100000, 999999)}",
        Name = "Example University (Canvas)",
        ProductFamily = ProductFamilies.Canvas,
        AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
        TokenEndpoint = "https://example.instructure.com/login/oauth2/token",
        TokenAudience = "https://example.instructure.com/login/oauth2/token",
        JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
    };

    public static PlatformRegistration Moodle(string? issuer = null) => new()
    {
        Issuer = issuer ?? $"https://moodle{Random.Shared.Next(1000, 9999)}.example.edu",
        ClientId = "Wq8nZ3kD" + Random.Shared.Next(1000, 9999),
        Name = "Example College (Moodle)",
        ProductFamily = ProductFamilies.Moodle,
        AuthorizationEndpoint = "https://moodle.example.edu/mod/lti/auth.php",
        TokenEndpoint = "https://moodle.example.edu/mod/lti/token.php",
        JwksUri = "https://moodle.example.edu/mod/lti/certs.php",
    };
}
