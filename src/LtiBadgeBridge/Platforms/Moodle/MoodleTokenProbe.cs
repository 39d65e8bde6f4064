using static LtiBadgeBridge.Platforms.Moodle.MoodleWebServiceRequirements;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>
/// Checks a Moodle token when the admin saves it: the site info says which required functions the
/// external service lacks; with a sample course, cheap calls show which capabilities seem missing.
/// Reports plain-language findings; never throws for what Moodle answers.
/// </summary>
public sealed class MoodleTokenProbe
{
    private readonly IMoodleClientFactory clientFactory;

    public MoodleTokenProbe(IMoodleClientFactory clientFactory) => this.clientFactory = clientFactory;

    /// <param name="sampleCourseId">A course the tool will sync; without one only the functions are checked.</param>
    public async Task<MoodleProbeReport> ProbeAsync(Uri siteUrl, string token, long? sampleCourseId, CancellationToken cancellationToken)
    {
        var client = clientFactory.Create(siteUrl, token);
        var siteInfo = await client.GetSiteInfoAsync(cancellationToken);
        if (!siteInfo.IsSuccess)
        {
            return new MoodleProbeReport
            {
                TokenAccepted = false,
                Findings = [FromSiteInfoError(siteInfo.Error)],
            };
        }

        var info = siteInfo.Value;
        var findings = new List<MoodleProbeFinding>();
        var missingFunctions = MissingFunctions(info.Functions.Select(f => f.Name));
        foreach (var function in missingFunctions)
        {
            findings.Add(new MoodleProbeFinding
            {
                Code = "function_missing",
                Severity = MoodleProbeSeverity.Error,
                Function = function,
                Message = $"The external service of this token does not include the function {function}. " +
                    "Add it under Site administration > Server > Web services > External services > Functions.",
            });
        }

        if (info.DownloadFiles is 0)
        {
            findings.Add(new MoodleProbeFinding
            {
                Code = "downloads_disabled",
                Severity = MoodleProbeSeverity.Warning,
                Message = "The external service does not allow file downloads, so submitted files cannot be fetched as evidence. " +
                    "Tick \"Can download files\" in the service's settings.",
            });
        }

        var missingCapabilities = new List<string>();
        if (sampleCourseId is { } courseId)
        {
            var available = info.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            await new CapabilityChecks(client, available, courseId, findings, missingCapabilities).RunAsync(cancellationToken);
        }

        if (findings.Count == 0)
        {
            findings.Add(new MoodleProbeFinding
            {
                Code = "ok",
                Severity = MoodleProbeSeverity.Info,
                Message = sampleCourseId is null
                    ? "The token works and its service has every required function. Probe again with a course to check capabilities."
                    : "The token works, its service has every required function, and the sample course could be read.",
            });
        }

        return new MoodleProbeReport
        {
            TokenAccepted = true,
            SiteName = info.SiteName,
            MoodleRelease = info.Release,
            ServiceUserId = info.UserId,
            MissingFunctions = missingFunctions,
            MissingCapabilities = missingCapabilities.Distinct(StringComparer.Ordinal).ToList(),
            Findings = findings,
        };
    }

    private static MoodleProbeFinding FromSiteInfoError(PlatformError error) => error.Kind switch
    {
        PlatformErrorKind.TokenInvalid => new MoodleProbeFinding
        {
            Code = "token_invalid",
            Severity = MoodleProbeSeverity.Error,
            Message = "Moodle does not accept this token (invalid, expired, or its service is disabled). Create a new token for the service user.",
        },
        PlatformErrorKind.FunctionUnavailable or PlatformErrorKind.NotAuthorized => new MoodleProbeFinding
        {
            Code = "function_missing",
            Severity = MoodleProbeSeverity.Error,
            Function = GetSiteInfo,
            Message = $"Moodle refused {GetSiteInfo}: add it to the external service and check that the service user may use the service.",
        },
        _ => new MoodleProbeFinding
        {
            Code = "probe_failed",
            Severity = MoodleProbeSeverity.Error,
            Message = "Moodle could not be asked about this token: " + error.Message,
        },
    };
}
