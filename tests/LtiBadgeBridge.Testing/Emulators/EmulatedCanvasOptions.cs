namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>How <see cref="EmulatedCanvas"/> behaves. Every default is deterministic.</summary>
public sealed record EmulatedCanvasOptions
{
    public long CourseId { get; init; } = 101;

    public int Learners { get; init; } = 12;

    public int Assignments { get; init; } = 5;

    /// <summary>The access token that works from the start.</summary>
    public string AccessToken { get; init; } = "canvas-emulated-access-token";

    /// <summary>Canvas's default page size when <c>per_page</c> is absent.</summary>
    public int DefaultPerPage { get; init; } = 10;

    /// <summary>Canvas's cap on <c>per_page</c>.</summary>
    public int MaxPerPage { get; init; } = 100;

    /// <summary>Added to every API response.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Turns on the leaky-bucket throttle.</summary>
    public bool Throttle { get; init; }

    public double HighWaterMark { get; init; } = 600;

    public double DrainPerSecond { get; init; } = 10;

    public double UpFrontCost { get; init; } = 50;

    /// <summary>Cost of a request besides its items (Canvas charges CPU and database time).</summary>
    public double BaseCost { get; init; } = 1.0;

    /// <summary>Cost per item returned.</summary>
    public double CostPerItem { get; init; } = 0.01;

    /// <summary>The name the <c>Link</c> header is written with (Canvas behind some proxies: <c>link</c>, <c>LINK</c>).</summary>
    public string LinkHeaderName { get; init; } = "Link";

    /// <summary>Whether lists carry <c>rel="last"</c> (Canvas omits it for some lists).</summary>
    public bool IncludeLastLink { get; init; } = true;

    /// <summary>When set, the <c>next</c> link of this page points at another host.</summary>
    public int? ForeignNextLinkOnPage { get; init; }

    /// <summary>OAuth2 developer key the token endpoint accepts.</summary>
    public string ClientId { get; init; } = "10000000000001";

    public string ClientSecret { get; init; } = "emulated-developer-key-secret";

    /// <summary>Lifetime of tokens issued by the token endpoint.</summary>
    public int TokenLifetimeSeconds { get; init; } = 3600;
}
