namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary><c>core_webservice_get_site_info</c>: who the token acts as and which functions its service offers.</summary>
public sealed record MoodleSiteInfo
{
    public string? SiteName { get; init; }

    public string? SiteUrl { get; init; }

    /// <summary>The Moodle user the token belongs to.</summary>
    public required long UserId { get; init; }

    public string? Release { get; init; }

    public string? Version { get; init; }

    /// <summary>1 when the service may download files (needed for evidence files).</summary>
    public int? DownloadFiles { get; init; }

    public IReadOnlyList<MoodleFunction> Functions { get; init; } = [];
}

/// <summary>A web service function available to the token.</summary>
public sealed record MoodleFunction
{
    public required string Name { get; init; }

    public string? Version { get; init; }
}
