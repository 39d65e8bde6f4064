using System.Net;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.LtiWeb;

namespace LtiBadgeBridge.Tests.Integration.Learner;

/// <summary>A course without achievements says so in plain words.</summary>
public sealed class LearnerEmptyStateTests
{
    [Fact]
    public async Task MyBadges_CourseWithoutAchievements_SaysThereAreNoBadgesYet()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Moodle);
        using var browser = host.Browser();

        var launch = await host.LaunchAsync(browser);
        using var page = await browser.GetAsync(launch.Headers.Location, ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("There are no badges in this course yet", body, StringComparison.Ordinal);
        Assert.Contains("My badges in Biology", body, StringComparison.Ordinal);
    }
}
