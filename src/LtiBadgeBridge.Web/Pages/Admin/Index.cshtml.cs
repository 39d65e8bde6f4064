using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>The console's home: platforms and deployments, their registration and LMS API status.</summary>
public sealed class IndexModel(PlatformStore platforms, PlatformCredentialsStore credentials, AuditLog audit, MoodleTokenProbe probe) : AdminPageModel
{
    public const string ProbeAction = "platform.probed";
    public const string MoodleTokenAction = "platform.moodle_token_saved";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<PlatformOverview> Platforms { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = Admin.PlatformId is { } own
            ? (await platforms.GetAsync(own, cancellationToken) is { } mine ? [mine] : [])
            : await platforms.ListAsync(cancellationToken);
        var list = new List<PlatformOverview>(visible.Count);
        foreach (var platform in visible)
        {
            var lms = await credentials.GetAsync(platform.Id, cancellationToken);
            var probes = await audit.PageAsync(platform.Id, ProbeAction, 0, 1, cancellationToken);
            list.Add(new PlatformOverview
            {
                Platform = platform,
                Deployments = await platforms.ListDeploymentsAsync(platform.Id, cancellationToken),
                CredentialsKind = lms?.Kind,
                CredentialsBaseUrl = lms?.BaseUrl,
                LastProbe = probes.Count > 0 ? probes[0] : null,
            });
        }

        Platforms = list;
    }

    /// <summary>Checks the platform's Moodle token now and records what was found in the audit log.</summary>
    public async Task<IActionResult> OnPostProbeAsync(long platformId, CancellationToken cancellationToken)
    {
        if (!Admin.CanSee(platformId) || await platforms.GetAsync(platformId, cancellationToken) is null)
        {
            return NotFound();
        }

        var lms = await credentials.GetAsync(platformId, cancellationToken);
        if (lms is not { Kind: PlatformCredentialsStore.MoodleKind })
        {
            Notice = "This platform has no Moodle web service token to probe.";
            return Redirect(Href("/admin"));
        }

        var report = await probe.ProbeAsync(lms.BaseUrl, lms.Secret, sampleCourseId: null, cancellationToken);
        var details = JsonSerializer.Serialize(new ProbeDetails
        {
            Ready = report.IsReady,
            TokenAccepted = report.TokenAccepted,
            Findings = [.. report.Findings.Select(f => new ProbeFinding { Code = f.Code, Severity = f.Severity.ToString(), Message = f.Message })],
        }, Json);
        await audit.RecordAsync(platformId, Admin.Actor, ProbeAction, platformId.ToString(CultureInfo.InvariantCulture), details, cancellationToken);
        Notice = report.IsReady ? "The Moodle token works: nothing blocks a sync." : "The Moodle token probe found problems; see the platform's status below.";
        return Redirect(Href("/admin"));
    }

    /// <summary>Saves a Moodle platform's site URL and web service token after probing it (the probe's findings are
    /// recorded as for "Probe the token now"); a token Moodle refuses is not saved.</summary>
    public async Task<IActionResult> OnPostMoodleTokenAsync(long platformId, string? siteUrl, string? token, CancellationToken cancellationToken)
    {
        if (!Admin.CanSee(platformId) || await platforms.GetAsync(platformId, cancellationToken) is not { } platform)
        {
            return NotFound();
        }

        if (platform.ProductFamily != ProductFamilies.Moodle
            || !Uri.TryCreate(siteUrl?.Trim(), UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrWhiteSpace(token) || token.Trim().Length > 200)
        {
            Notice = "Give the Moodle site URL (http or https) and the web service token. (admin.moodle_token_invalid)";
            return Redirect(Href("/admin"));
        }

        var report = await probe.ProbeAsync(site, token.Trim(), sampleCourseId: null, cancellationToken);
        var details = JsonSerializer.Serialize(new ProbeDetails
        {
            Ready = report.IsReady,
            TokenAccepted = report.TokenAccepted,
            Findings = [.. report.Findings.Select(f => new ProbeFinding { Code = f.Code, Severity = f.Severity.ToString(), Message = f.Message })],
        }, Json);
        await audit.RecordAsync(platformId, Admin.Actor, ProbeAction, platformId.ToString(CultureInfo.InvariantCulture), details, cancellationToken);
        if (!report.TokenAccepted)
        {
            Notice = "Moodle did not accept this token; it was not saved. (admin.moodle_token_refused)";
            return Redirect(Href("/admin"));
        }

        await credentials.SaveMoodleAsync(platformId, site, token.Trim(), cancellationToken);
        await audit.RecordAsync(platformId, Admin.Actor, MoodleTokenAction, platformId.ToString(CultureInfo.InvariantCulture), null, cancellationToken);
        Notice = report.IsReady ? "Moodle web service token saved: nothing blocks a sync." : "Moodle web service token saved, but the probe found problems; see the platform's status below.";
        return Redirect(Href("/admin"));
    }

    /// <summary>The stored outcome of a probe, read back for display.</summary>
    public static ProbeDetails? ReadProbe(AuditEntry? entry)
    {
        if (entry?.Details is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ProbeDetails>(entry.Details, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public sealed record ProbeDetails
    {
        public bool Ready { get; init; }
        public bool TokenAccepted { get; init; }
        public IReadOnlyList<ProbeFinding> Findings { get; init; } = [];
    }

    public sealed record ProbeFinding
    {
        public string Code { get; init; } = "";
        public string Severity { get; init; } = "";
        public string Message { get; init; } = "";
    }
}
