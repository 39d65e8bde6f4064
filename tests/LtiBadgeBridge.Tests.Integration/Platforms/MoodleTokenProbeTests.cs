using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Testing.Emulators;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

public sealed class MoodleTokenProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Probe_CompleteService_IsReady()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();

        var report = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(moodle.SiteUrl, moodle.Options.Token, moodle.Fixture.CourseId, Ct);

        Assert.True(report.IsReady, string.Join(" | ", report.Findings.Select(f => f.Message)));
        Assert.Empty(report.MissingFunctions);
        Assert.Empty(report.MissingCapabilities);
        Assert.Equal("ok", Assert.Single(report.Findings).Code);
    }

    [Fact]
    public async Task Probe_ReportsExactlyTheMissingFunctions()
    {
        using var moodle = EmulatedMoodle.Start();
        moodle.RemoveFunction(MoodleWebServiceRequirements.GetGradingFormInstances);
        moodle.RemoveFunction(MoodleWebServiceRequirements.CompetencyReport);
        await using var services = PlatformServices.Build();

        var report = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(moodle.SiteUrl, moodle.Options.Token, null, Ct);

        Assert.False(report.IsReady);
        Assert.Equal(
            [MoodleWebServiceRequirements.GetGradingFormInstances, MoodleWebServiceRequirements.CompetencyReport],
            report.MissingFunctions);
        Assert.All(report.Findings, f => Assert.Equal("function_missing", f.Code));
        Assert.Contains(report.Findings, f => f.Message.Contains("core_grading_get_gradingform_instances", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probe_ReportsCapabilitiesThatSeemMissing_FromCheapCalls()
    {
        using var moodle = EmulatedMoodle.Start();
        moodle.DenyCapability(MoodleWebServiceRequirements.GetGradingDefinitions);
        moodle.DenyCapability(MoodleWebServiceRequirements.GetGradeItems);
        await using var services = PlatformServices.Build();

        var report = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(moodle.SiteUrl, moodle.Options.Token, moodle.Fixture.CourseId, Ct);

        Assert.False(report.IsReady);
        Assert.Empty(report.MissingFunctions);
        Assert.Contains(MoodleWebServiceRequirements.CapabilityManageGradingForms, report.MissingCapabilities);
        Assert.Contains(MoodleWebServiceRequirements.CapabilityGradeViewAll, report.MissingCapabilities);
        Assert.DoesNotContain(MoodleWebServiceRequirements.CapabilityAssignGrade, report.MissingCapabilities);
        Assert.Equal(2, report.Findings.Count(f => f.Code == "capability_missing"));
    }

    [Fact]
    public async Task Probe_InvalidToken_SaysSoPlainly()
    {
        using var moodle = EmulatedMoodle.Start();
        await using var services = PlatformServices.Build();

        var report = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(moodle.SiteUrl, "typo-in-token", moodle.Fixture.CourseId, Ct);

        Assert.False(report.TokenAccepted);
        Assert.Equal("token_invalid", Assert.Single(report.Findings).Code);
        Assert.Equal(1, moodle.TotalRequests);
    }

    [Fact]
    public async Task Probe_DownloadsDisabled_IsAWarning()
    {
        using var moodle = EmulatedMoodle.Start(new EmulatedMoodleOptions { DownloadFiles = false });
        await using var services = PlatformServices.Build();

        var report = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(moodle.SiteUrl, moodle.Options.Token, null, Ct);

        Assert.True(report.IsReady);
        Assert.Equal(MoodleProbeSeverity.Warning, Assert.Single(report.Findings, f => f.Code == "downloads_disabled").Severity);
    }
}
