using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using LtiBadgeBridge.Web.Demo.Data;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Learner;

/// <summary>
/// The pilot achievement on the demo course after a sync, an evaluation and issuance by the service's own jobs:
/// a learner who meets every rule sees the earned badge with its links and verifies it publicly; a learner one
/// criterion short sees progress bars with the explanation; the LMS gradebook shows the posted badge score; the instructor revokes the badge from the awards
/// page and the public page then says so.
/// </summary>
public sealed class LearnerSeesProgressAndBadgeTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private const string BadgeName = "Cloud Computing Fundamentals";

    /// <summary>Pilot learners by their story (<c>PilotCourseBuilder</c>): 0 meets every rule; 2's course grade is just under 70 %.</summary>
    private const int Earner = 0;
    private const int CloseOnGrade = 2;

    [Fact(Timeout = 600_000)]
    public async Task Learners_SeeTheirBadgeOrTheirProgress_TheBadgeVerifies_ThenReadsRevokedAfterTheInstructorRevokesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = new DemoJobs(fixture);
        var course = await jobs.CourseAsync(ct);
        await ServiceIssuance.PrepareIssuerAsync(jobs.Services, jobs.PlatformId, ct);

        // Both learners open the tool first (the launch records them and asks for the course sync): no badge yet. The
        // second launch may land while that first sync runs and holds the learner's placeholder from the LMS roster: the
        // merge then waits for the sync's end, and the sync still succeeds.
        await using var earnerTab = await fixture.OpenAsync();
        var earner = new LearnerPage(await new DemoCoursePage(earnerTab.Page, fixture).LaunchAsLearnerAsync(Earner));
        await Assertions.Expect(earner.EarnedCard(BadgeName)).ToHaveCountAsync(0);
        await using var closeTab = await fixture.OpenAsync();
        var close = new LearnerPage(await new DemoCoursePage(closeTab.Page, fixture).LaunchAsLearnerAsync(CloseOnGrade));
        await jobs.WaitForSyncAsync(ct);

        // The instructor's definition is saved; the evaluation it asks for and the issuance that follows run.
        var saved = await jobs.Get<AchievementStore>().SaveAsync(jobs.PlatformId, course.Id, IssuanceSeed.PilotDefinition(), "cloud-computing.yaml", "test", ct);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        var achievementId = saved.Achievement!.Id;
        var credential = await jobs.WaitForCredentialAsync(achievementId, Earner, ct);
        var earnerName = fixture.Site.Lms.Course.Learners[Earner].Name;

        // The learner who met every rule: the badge with verify, LinkedIn and the downloads.
        await earner.Tool.GoToAsync(DemoCoursePage.LearnerLanding);
        var card = earner.EarnedCard(BadgeName);
        await Assertions.Expect(card).ToContainTextAsync("Earned on");
        await Assertions.Expect(LearnerPage.VerifyLink(card)).ToHaveAttributeAsync("href", $"/credentials/{credential.PublicId}");
        await Assertions.Expect(LearnerPage.LinkedInLink(card)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://www\\.linkedin\\.com/profile/add\\?"));
        await Assertions.Expect(LearnerPage.PngDownload(card)).ToBeVisibleAsync();
        await Assertions.Expect(LearnerPage.WalletDownload(card)).ToBeVisibleAsync();
        await earnerTab.ScreenshotAsync("earned");

        // The badge reaches the LMS's gradebook: the tool posts 1/1 with the verify link to the achievement's line item.
        await jobs.WaitForCanvasScoreAsync(Earner, ct);
        await using (var gradesTab = await fixture.OpenAsync())
        {
            await gradesTab.Page.GotoAsync(new Uri(fixture.Site.LmsOrigin, $"/courses/{PilotCourse.CourseId}/gradebook").AbsoluteUri);
            var row = gradesTab.Page.GetByRole(AriaRole.Row).Filter(new() { Has = gradesTab.Page.GetByRole(AriaRole.Rowheader, new() { Name = fixture.Site.Lms.Course.Learners[Earner].SortableName, Exact = true }) });
            await Assertions.Expect(row).ToContainTextAsync("1 / 1");
            await Assertions.Expect(row).ToContainTextAsync($"/credentials/{credential.PublicId}");
            await gradesTab.ScreenshotAsync("gradebook");
        }

        // The learner whose course grade is just short: a progress bar per criterion and the explanation in words.
        await close.Tool.GoToAsync(DemoCoursePage.LearnerLanding);
        var progress = close.ProgressCard(BadgeName);
        await Assertions.Expect(progress).ToBeVisibleAsync();
        await Assertions.Expect(close.EarnedCard(BadgeName)).ToHaveCountAsync(0);
        var grade = LearnerPage.Criteria(progress).Filter(new() { HasText = "Course grade" });
        await Assertions.Expect(grade).ToContainTextAsync("Not yet");
        await Assertions.Expect(grade).ToContainTextAsync("70");
        var bar = LearnerPage.ProgressBars(grade);
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", new System.Text.RegularExpressions.Regex(@"^6\d(\.\d+)?$"));
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex("% of what is needed$"));
        await closeTab.ScreenshotAsync("progress");

        // Anyone following the learner's Verify link sees the credential verified.
        var verifyTab = await earnerTab.Page.RunAndWaitForPopupAsync(() => LearnerPage.VerifyLink(card).ClickAsync());
        var verification = new CredentialPage(verifyTab);
        await Assertions.Expect(verification.Verdict).ToContainTextAsync("verified", new() { IgnoreCase = true });
        Assert.DoesNotContain("not", await verification.Verdict.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await verifyTab.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathForCurrentTest("verified"), FullPage = true });

        // The instructor revokes it with a reason on the awards page; the public page then says it is revoked.
        await using (var instructorTab = await fixture.OpenAsync())
        {
            var instructor = await new DemoCoursePage(instructorTab.Page, fixture).LaunchAsInstructorAsync();
            var awards = await AwardsPage.OpenAsync(instructor, achievementId);
            await awards.RevokeAsync(earnerName, "Capstone repository found to be copied");
            await Assertions.Expect(awards.RevokedRow(earnerName)).ToContainTextAsync("Capstone repository found to be copied");
        }

        await jobs.WaitForRevocationAsync(credential.PublicId, ct);
        await verification.ReloadAsync();
        await Assertions.Expect(verification.Verdict).ToContainTextAsync("revoked", new() { IgnoreCase = true });
        await verifyTab.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathForCurrentTest("revoked"), FullPage = true });
    }
}
