namespace LtiBadgeBridge.Issuance;

/// <summary>What an operator sets about an issuer (stored as JSON in <c>issuer_profiles.profile</c>).</summary>
public sealed record IssuerProfileFields
{
    public string? Name { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Description { get; init; }
    public string? Image { get; init; }
    public string? Country { get; init; }
    public string? CountryCode { get; init; }
    public string? Region { get; init; }
    public string? Locality { get; init; }

    /// <summary>These fields with every non-null field of <paramref name="changes"/> applied.</summary>
    public IssuerProfileFields Merge(IssuerProfileFields changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new IssuerProfileFields
        {
            Name = changes.Name ?? Name,
            Url = changes.Url ?? Url,
            Email = changes.Email ?? Email,
            Phone = changes.Phone ?? Phone,
            Description = changes.Description ?? Description,
            Image = changes.Image ?? Image,
            Country = changes.Country ?? Country,
            CountryCode = changes.CountryCode ?? CountryCode,
            Region = changes.Region ?? Region,
            Locality = changes.Locality ?? Locality,
        };
    }
}
