using System.Globalization;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>A Canvas platform's REST API developer key (Canvas URL, client id, secret): what course sync uses for the
/// per-course OAuth2 connection. The secret is write-only: it is stored protected and never shown again.</summary>
public sealed class CanvasApiModel(PlatformStore platforms, PlatformCredentialsStore credentials, AuditLog audit, IOptions<SyncOptions> sync) : AdminPageModel
{
    public const string SaveAction = "platform.canvas_api_saved";
    private const int MaxLength = 512;

    public PlatformRegistration Platform { get; private set; } = null!;

    /// <summary>Whether a Canvas API key is stored for the platform already (saving replaces it).</summary>
    public bool Configured { get; private set; }

    /// <summary>The redirect URI the developer key must allow, when the service knows its public address.</summary>
    public Uri? RedirectUri => sync.Value.CanvasRedirectUri;

    [BindProperty]
    public CanvasApiForm Form { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long platformId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(platformId, cancellationToken))
        {
            return NotFound();
        }

        var stored = await credentials.GetAsync(platformId, cancellationToken);
        Form = new CanvasApiForm { BaseUrl = stored?.Kind == PlatformCredentialsStore.CanvasKind ? stored.BaseUrl.AbsoluteUri : Platform.Issuer };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long platformId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(platformId, cancellationToken))
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Uri.TryCreate(Form.BaseUrl?.Trim(), UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            errors[nameof(Form.BaseUrl)] = "Enter the Canvas address, e.g. https://canvas.example.edu.";
        }

        if (string.IsNullOrWhiteSpace(Form.ClientId) || Form.ClientId.Trim().Length > MaxLength)
        {
            errors[nameof(Form.ClientId)] = "Enter the developer key's client ID.";
        }

        if (string.IsNullOrWhiteSpace(Form.ClientSecret) || Form.ClientSecret.Length > MaxLength)
        {
            errors[nameof(Form.ClientSecret)] = "Enter the developer key's secret.";
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Form = Form with { ClientSecret = null };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await credentials.SaveCanvasAsync(platformId, baseUrl!, Form.ClientId!.Trim(), Form.ClientSecret!, cancellationToken);
        await audit.RecordAsync(platformId, Admin.Actor, SaveAction, platformId.ToString(CultureInfo.InvariantCulture), null, cancellationToken);
        TempData["Notice"] = "The Canvas API key is saved. Instructors can now connect their courses to Canvas from the tool's course page.";
        return Redirect(Href("/admin"));
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    private async Task<bool> LoadAsync(long platformId, CancellationToken cancellationToken)
    {
        if (!Admin.CanSee(platformId) || await platforms.GetAsync(platformId, cancellationToken) is not { } platform)
        {
            return false;
        }

        Platform = platform;
        Configured = (await credentials.GetAsync(platformId, cancellationToken))?.Kind == PlatformCredentialsStore.CanvasKind;
        return true;
    }
}

/// <summary>The fields of the Canvas API key form.</summary>
public sealed record CanvasApiForm
{
    public string? BaseUrl { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }
}
