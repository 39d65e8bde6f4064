using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The issuer profile of each platform registration. Without a stored profile the issuer is named after the
/// platform; the id is always our <c>did:web</c> for the registration and the profile URL <c>/issuers/{id}</c>. The
/// profile carries the endorsements of the issuer stored now (<see cref="EndorsementStore"/>).
/// </summary>
public sealed class IssuerProfileStore(Database database, PlatformStore platforms, IssuanceSettings settings, EndorsementStore endorsements, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The issuer for a platform, or null when the platform does not exist.</summary>
    public async Task<IssuerProfile?> GetAsync(long platformId, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(platformId, cancellationToken);
        if (platform is null)
        {
            return null;
        }

        var fields = await GetFieldsAsync(platformId, cancellationToken) ?? new IssuerProfileFields();
        var held = (await endorsements.CurrentAsync(platformId, timeProvider.GetUtcNow(), cancellationToken)).GetValueOrDefault(0) ?? EmbeddedEndorsements.None;
        return ToProfile(platformId, fields, platform.Name) with { Endorsements = held.Json, EndorsementJwts = held.Jwts };
    }

    public async Task<IssuerProfileFields?> GetFieldsAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var text = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT profile FROM issuer_profiles WHERE platform_id = @platformId", new { platformId }, cancellationToken: cancellationToken));
        return text is null ? null : JsonSerializer.Deserialize<IssuerProfileFields>(text, Json);
    }

    /// <summary>Applies the non-null fields of <paramref name="changes"/> to the stored profile.</summary>
    public async Task<IssuerProfileFields> SetAsync(long platformId, IssuerProfileFields changes, CancellationToken cancellationToken)
    {
        var merged = (await GetFieldsAsync(platformId, cancellationToken) ?? new IssuerProfileFields()).Merge(changes);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO issuer_profiles (platform_id, profile, updated_at) VALUES (@platformId, @profile, @now)
            ON CONFLICT (platform_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at
            """,
            new { platformId, profile = JsonSerializer.Serialize(merged, Json), now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
        return merged;
    }

    /// <summary>Stores <paramref name="fields"/> as the whole profile (a null field is cleared, not kept).</summary>
    public async Task ReplaceAsync(long platformId, IssuerProfileFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO issuer_profiles (platform_id, profile, updated_at) VALUES (@platformId, @profile, @now)
            ON CONFLICT (platform_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at
            """,
            new { platformId, profile = JsonSerializer.Serialize(fields, Json), now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private IssuerProfile ToProfile(long platformId, IssuerProfileFields f, string platformName) => new()
    {
        Id = settings.IssuerDid(platformId),
        ProfileUrl = settings.IssuerUrl(platformId),
        Name = string.IsNullOrWhiteSpace(f.Name) ? DefaultName(platformName) : f.Name,
        Url = Absolute(f.Url),
        Email = f.Email,
        Phone = f.Phone,
        Description = f.Description,
        Image = Absolute(f.Image),
        Address = f.Country is null && f.CountryCode is null && f.Region is null && f.Locality is null
            ? null
            : new IssuerAddress { Country = f.Country, CountryCode = f.CountryCode, Region = f.Region, Locality = f.Locality },
    };

    /// <summary>"Example University (Canvas)" → "Example University".</summary>
    public static string DefaultName(string platformName)
    {
        ArgumentNullException.ThrowIfNull(platformName);
        var name = platformName.Trim();
        var paren = name.LastIndexOf(" (", StringComparison.Ordinal);
        return paren > 0 && name.EndsWith(')') ? name[..paren] : name;
    }

    private static Uri? Absolute(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == "data") ? uri : null;
}
