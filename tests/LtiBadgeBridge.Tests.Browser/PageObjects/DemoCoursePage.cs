using System.Globalization;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>
/// The demo LMS's course as a person uses it: "launch the badge tool as ..." opens the course frame, whose iframe
/// runs the LTI launch (login initiation, authorization, launch POST) and ends on the tool's landing page.
/// <code>var tool = await new DemoCoursePage(tab.Page, fixture).LaunchAsLearnerAsync();</code>
/// </summary>
public sealed class DemoCoursePage
{
    public const string LearnerLanding = "/lti/learner";
    public const string InstructorLanding = "/lti/instructor";

    /// <summary>How long a whole launch (four documents, platform storage messages) may take on a busy machine.</summary>
    private const float LaunchTimeoutMs = 60_000;

    private readonly IPage page;
    private readonly DemoSite site;

    public DemoCoursePage(IPage page, BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        this.page = page;
        site = fixture.Site;
    }

    /// <summary>The first learner of the pilot course launches the tool; returns the tool's frame on the learner landing page.</summary>
    public Task<ToolFrame> LaunchAsLearnerAsync(int learner = 0) =>
        LaunchAsync(site.Lms.Course.Learners[learner].UserId, LearnerLanding);

    /// <summary>The course's instructor launches the tool; returns the tool's frame on the instructor landing page.</summary>
    public Task<ToolFrame> LaunchAsInstructorAsync() =>
        LaunchAsync(site.Lms.Course.Instructor.UserId, InstructorLanding);

    /// <summary>The LMS's course frame page that launches the tool for <paramref name="userId"/> in its iframe.</summary>
    public Uri CourseFrameUrl(long userId) =>
        new(site.LmsOrigin, $"/courses/{PilotCourse.CourseId}/launch?as={userId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Opens the course frame for <paramref name="userId"/> without waiting for the launch; returns the tool's iframe content.</summary>
    public async Task<IFrameLocator> OpenCourseFrameAsync(long userId)
    {
        await page.GotoAsync(CourseFrameUrl(userId).AbsoluteUri);
        return page.FrameLocator(ToolFrame.Selector);
    }

    /// <summary>Opens the LMS's course frame for <paramref name="userId"/> and waits until the tool's iframe shows a page under
    /// <paramref name="landingPath"/> (the whole LTI launch ran inside the iframe).</summary>
    public async Task<ToolFrame> LaunchAsync(long userId, string landingPath)
    {
        var landing = site.ToolOrigin.GetLeftPart(UriPartial.Authority) + landingPath;

        // The landing document's response, from whichever frame object Chromium's process swaps leave us with.
        var landed = page.WaitForResponseAsync(
            r => r.Request.IsNavigationRequest && r.Url.StartsWith(landing, StringComparison.Ordinal),
            new PageWaitForResponseOptions { Timeout = LaunchTimeoutMs });
        await OpenCourseFrameAsync(userId);
        await landed;

        // Chromium swaps the iframe between processes as it crosses sites, so read the frame through its element.
        var content = page.FrameLocator(ToolFrame.Selector);
        var heading = content.Locator("h1");
        await Assertions.Expect(heading.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = LaunchTimeoutMs });
        var url = await heading.First.EvaluateAsync<string>("h => h.ownerDocument.location.href");
        return new ToolFrame(page, new Uri(url));
    }
}
