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
