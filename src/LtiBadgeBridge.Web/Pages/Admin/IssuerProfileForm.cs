using System.Net.Mail;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Web.Admin;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>The issuer profile as the edit form posts it, with its validation (messages per field).</summary>
public sealed class IssuerProfileForm
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Image { get; set; }
    public string? CountryCode { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? Locality { get; set; }
    public string? Description { get; set; }

    public static IssuerProfileForm From(IssuerProfileFields? fields, string defaultName) => new()
    {
        Name = string.IsNullOrWhiteSpace(fields?.Name) ? defaultName : fields.Name,
        Url = fields?.Url,
        Email = fields?.Email,
        Phone = fields?.Phone,
        Image = fields?.Image,
        CountryCode = fields?.CountryCode,
        Country = fields?.Country,
        Region = fields?.Region,
        Locality = fields?.Locality,
        Description = fields?.Description,
    };

    /// <summary>The problems, keyed by field name; empty when the form can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Length(string field, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                errors.TryAdd(field, $"Use at most {max} characters.");
            }
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors[nameof(Name)] = "Enter the institution's name as learners and employers should see it.";
        }

        Length(nameof(Name), Clean(Name), 200);
        if (Clean(Url) is { } url && !IsWebUrl(url))
        {
            errors[nameof(Url)] = "Enter a full web address starting with https:// (or http://).";
        }

        Length(nameof(Url), Clean(Url), 2000);
        if (Clean(Email) is { } email && !IsEmail(email))
        {
            errors[nameof(Email)] = "Enter an email address such as badges@example.edu.";
        }

        Length(nameof(Email), Clean(Email), 254);
        if (Clean(Phone) is { } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
        {
            errors[nameof(Phone)] = "Use digits, spaces and + - ( ) . only.";
        }

        Length(nameof(Phone), Clean(Phone), 50);
        if (Clean(Image) is { } image && !IsWebUrl(image) && !IsImageDataUri(image))
        {
            errors[nameof(Image)] = "Enter the image's full web address (https://…) or a data:image/… URI.";
        }

        Length(nameof(Image), Clean(Image), 200_000);
        if (Clean(CountryCode) is { } code && !IsoCountryCodes.IsAssigned(code.ToUpperInvariant()))
        {
            errors[nameof(CountryCode)] = "Enter a two-letter ISO 3166-1 country code such as GB, US or DE.";
        }

        Length(nameof(Country), Clean(Country), 100);
        Length(nameof(Region), Clean(Region), 100);
        Length(nameof(Locality), Clean(Locality), 100);
        Length(nameof(Description), Clean(Description), 2000);
        return errors;
    }

    /// <summary>The fields to store: trimmed, blanks cleared, the country code in capitals.</summary>
    public IssuerProfileFields ToFields() => new()
    {
        Name = Clean(Name),
        Url = Clean(Url),
        Email = Clean(Email),
        Phone = Clean(Phone),
        Image = Clean(Image),
        CountryCode = Clean(CountryCode)?.ToUpperInvariant(),
        Country = Clean(Country),
        Region = Clean(Region),
        Locality = Clean(Locality),
        Description = Clean(Description),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);

    private static bool IsImageDataUri(string value) =>
        value.StartsWith("data:image/", StringComparison.Ordinal) && value.Contains(";base64,", StringComparison.Ordinal);

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !value.Contains(' ', StringComparison.Ordinal);
}
