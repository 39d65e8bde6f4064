using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Web.Admin;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>A platform's issuer: its profile (view and edit) and its signing keys (list and rotate).</summary>
public sealed class IssuerModel(
    PlatformStore platforms,
    IssuerProfileStore profiles,
    IssuerKeyService issuerKeys,
    KeyRing keyRing,
    IssuanceSettings settings,
    AuditLog audit,
    ILogger<IssuerModel> logger) : AdminPageModel
{
    public const string ProfileAction = "issuer.profile_updated";
    public const string RotateAction = "issuer.key_rotated";
    public static readonly IReadOnlyList<string> Purposes = [KeyPurposes.CredentialJwt, KeyPurposes.CredentialDataIntegrity];

    public PlatformRegistration Platform { get; private set; } = null!;

    [BindProperty]
    public IssuerProfileForm Form { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<ToolKey> Keys { get; private set; } = [];

    public Uri ProfileUrl => settings.IssuerUrl(Platform.Id);

    public string IssuerDid => settings.IssuerDid(Platform.Id);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long platformId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(platformId, cancellationToken))
        {
            return NotFound();
        }

        Form = IssuerProfileForm.From(await profiles.GetFieldsAsync(platformId, cancellationToken), IssuerProfileStore.DefaultName(Platform.Name));
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(long platformId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(platformId, cancellationToken))
        {
            return NotFound();
        }

        Errors = Form.Validate();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await profiles.ReplaceAsync(platformId, Form.ToFields(), cancellationToken);
        await audit.RecordAsync(platformId, Admin.Actor, ProfileAction, Id(platformId), null, cancellationToken);
        AdminLog.IssuerProfileUpdated(logger, platformId);
        Notice = "The issuer profile is saved. Credentials issued from now on carry it.";
        return Redirect(Href($"/admin/platforms/{Id(platformId)}/issuer"));
    }

    public async Task<IActionResult> OnPostRotateAsync(long platformId, string? purpose, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(platformId, cancellationToken))
        {
            return NotFound();
        }

        if (purpose is null || !Purposes.Contains(purpose))
        {
            return Message(StatusCodes.Status400BadRequest, "Unknown key purpose", "Choose one of the listed keys to rotate.", "admin.key_purpose_unknown");
        }

        var key = await issuerKeys.RotateAsync(platformId, purpose, cancellationToken);
        await audit.RecordAsync(platformId, Admin.Actor, RotateAction, key.KeyId,
            JsonSerializer.Serialize(new { purpose, algorithm = IssuerKeyService.AlgorithmFor(purpose) }), cancellationToken);
        AdminLog.IssuerKeyRotated(logger, platformId, purpose, key.KeyId);
        Notice = "A new key signs from now on. The previous key stays published, so credentials it signed keep verifying.";
        return Redirect(Href($"/admin/platforms/{Id(platformId)}/issuer"));
    }

    public static string PurposeLabel(string purpose) => purpose switch
    {
        KeyPurposes.CredentialJwt => "VC-JWT signatures",
        KeyPurposes.CredentialDataIntegrity => "Data Integrity proofs",
        _ => purpose,
    };

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    private async Task<bool> LoadAsync(long platformId, CancellationToken cancellationToken)
    {
        if (!Admin.CanSee(platformId) || await platforms.GetAsync(platformId, cancellationToken) is not { } platform)
        {
            return false;
        }

        Platform = platform;
        var keys = new List<ToolKey>();
        foreach (var purpose in Purposes)
        {
            keys.AddRange(await keyRing.PublishedAsync(purpose, platformId, cancellationToken));
        }

        Keys = [.. keys.OrderBy(k => k.Purpose, StringComparer.Ordinal).ThenBy(k => k.RetiredAt is null ? 0 : 1).ThenByDescending(k => k.CreatedAt)];
        return true;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
