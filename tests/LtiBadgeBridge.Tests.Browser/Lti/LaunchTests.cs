using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Lti;

/// <summary>The LTI 1.3 launch from the demo LMS in a real browser: login initiation, the LMS's authorization,
/// the launch POST, and the tool's landing page inside the LMS's iframe for each role.</summary>
public sealed class LaunchTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task Learner_LaunchedFromTheCourse_LandsOnTheLearnerPageInsideTheLmsFrame()
    {
        await using var tab = await fixture.OpenAsync();
        var steps = BrowserTraffic.RecordNavigations(tab.Page);
        var launchPosts = BrowserTraffic.RecordLaunchPosts(tab.Page, fixture.Site.Tool("/lti/launch"));

        var tool = await new DemoCoursePage(tab.Page, fixture).LaunchAsLearnerAsync();

        await AssertLandedAsync(tool, DemoCoursePage.LearnerLanding);
        var tool0 = fixture.Site.ToolOrigin.GetLeftPart(UriPartial.Authority);
        var lms = fixture.Site.LmsOrigin.GetLeftPart(UriPartial.Authority);
        BrowserTraffic.AssertInOrder(steps,
            $"POST {tool0}/lti/login",
            $"GET {lms}/api/lti/authorize_redirect",
            $"POST {tool0}/lti/launch",
            $"GET {tool0}{DemoCoursePage.LearnerLanding}");

        // One site: the login state cookie came back with the launch POST, no platform storage round trip was needed.
        var post = Assert.Single(await BrowserTraffic.DescribeAsync(launchPosts));
        Assert.Contains("lti-state-", post.Cookie ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instructor_LaunchedFromTheCourse_LandsOnTheInstructorPageInsideTheLmsFrame()
    {
        await using var tab = await fixture.OpenAsync();

        var tool = await new DemoCoursePage(tab.Page, fixture).LaunchAsInstructorAsync();

        await AssertLandedAsync(tool, DemoCoursePage.InstructorLanding);
    }

    private async Task AssertLandedAsync(ToolFrame tool, string landingPath)
    {
        Assert.True(await tool.IsFramedAsync(), "The tool's page is not inside the LMS's iframe.");
        Assert.Equal(fixture.Site.LmsOrigin.GetLeftPart(UriPartial.Authority), new Uri(tool.Host.Url).GetLeftPart(UriPartial.Authority));
        Assert.Equal(fixture.Site.ToolOrigin.GetLeftPart(UriPartial.Authority), tool.Url.GetLeftPart(UriPartial.Authority));
        Assert.StartsWith(landingPath, tool.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(tool.SessionToken), "The landing URL carries no session token (s=).");
        await Assertions.Expect(tool.MainHeading).ToBeVisibleAsync();
        Assert.Contains("LtiBadgeBridge", await tool.TitleAsync(), StringComparison.Ordinal);
    }
}
