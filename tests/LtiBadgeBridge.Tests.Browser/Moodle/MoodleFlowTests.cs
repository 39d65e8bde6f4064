using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Moodle;

/// <summary>
/// The whole pilot through the demo Moodle, in the browser: the site administrator registers the tool with LTI
/// Advantage dynamic registration (pending, launches refused) and activates it, gives the tool Moodle's web service
/// token in the tool's admin console; the teacher launches the activity, watches the sync's progress bar reach
/// "Up to date", and defines the pilot achievement by picking the course grade, the capstone rubric and the
/// architecture competency; a learner short on the course grade sees progress, a learner who meets every rule sees
/// the badge, in the tool and in Moodle's grader report; the public verification page says it is verified.
/// </summary>
public sealed class MoodleFlowTests(MoodleFixture fixture) : IClassFixture<MoodleFixture>
{
    private const string BadgeName = "Cloud Computing Fundamentals";

    /// <summary>Pilot learners by their story (<c>PilotCourseBuilder</c>): 0 meets every rule; 2's course grade is just under 70 %.</summary>
    private const int Earner = 0;
    private const int CloseOnGrade = 2;

    [Fact(Timeout = 600_000)]
    public async Task Admin_RegistersInMoodle_Teacher_DefinesThePilotAchievement_Learners_SeeProgressAndTheBadge_InTheToolAndTheGradebook_AndItVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = fixture.Site;
        var moodle = site.Lms.Moodle;
        var course = site.Lms.Course;
        var jobs = new MoodleJobs(fixture);

        // The site administrator registers the tool: Manage tools › Add LTI Advantage, then Activate.
        await using var adminTab = await fixture.OpenAsync();
        var tools = await MoodleManageToolsPage.OpenAsync(adminTab.Page, moodle.ManageToolsUrl);
        await Assertions.Expect(adminTab.Page.GetByText("No tools are registered.")).ToBeVisibleAsync();
        await Assertions.Expect(tools.ToolUrl).ToHaveValueAsync(site.Tool("/lti/register").AbsoluteUri);
        await tools.RegisterAsync();
        await adminTab.ScreenshotAsync("moodle-tool-pending");
        var platform = await jobs.PlatformAsync(ct);
        Assert.Equal("moodle", platform.ProductFamily);
        await ServiceIssuance.PrepareIssuerAsync(jobs.Services, platform.Id, ct);

        // Pending: Moodle refuses to launch it.
        var refused = await adminTab.Page.GotoAsync(new MoodleCoursePage(adminTab.Page, site.ToolOrigin, moodle.WwwRoot).ActivityUrl(course.Instructor.UserId).AbsoluteUri);
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(adminTab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("pending");

        tools = await MoodleManageToolsPage.OpenAsync(adminTab.Page, moodle.ManageToolsUrl);
        await tools.ActivateAsync();
        await adminTab.ScreenshotAsync("moodle-tool-active");

        // The web service token from Manage tokens goes into the tool's admin console, which checks it before saving.
        var tokens = await MoodleTokensPage.OpenAsync(adminTab.Page, moodle.ManageTokensUrl);
        var token = await tokens.TokenAsync();
        await adminTab.ScreenshotAsync("moodle-tokens");
        var console = await MoodleTokenConsolePage.SignInAsync(adminTab.Page, site.ToolOrigin, MoodleFixture.Operator);
        await console.SaveTokenAsync(token);
        await Assertions.Expect(console.Notice).ToContainTextAsync("nothing blocks a sync");
        await adminTab.ScreenshotAsync("tool-admin-moodle-token");

        // The teacher opens the activity: the launch asks for the course sync; its progress bar shows until it is done.
        await using var teacherTab = await fixture.OpenAsync();
        var teacher = await new MoodleCoursePage(teacherTab.Page, site.ToolOrigin, moodle.WwwRoot).LaunchAsync(course.Instructor.UserId, DemoCoursePage.InstructorLanding);
        await Assertions.Expect(teacher.Content.Locator("#sync-progress")).ToBeVisibleAsync();
        await Assertions.Expect(teacher.Content.GetByText("Moodle web service token configured")).ToBeVisibleAsync();
        await jobs.WaitForSyncAsync(ct);
        await teacher.GoToAsync(DemoCoursePage.InstructorLanding); // the page polls only while a run it saw is going on
        await Assertions.Expect(teacher.Content.Locator("#sync-state")).ToHaveTextAsync("Up to date");
        await Assertions.Expect(teacher.Content.Locator("#sync-progress")).ToHaveAttributeAsync("value", "100");
        await teacherTab.ScreenshotAsync("moodle-teacher-synced");

        // A learner who opens the tool before any achievement exists has no badge.
        await using var earnerTab = await fixture.OpenAsync();
        var earner = new LearnerPage(await new MoodleCoursePage(earnerTab.Page, site.ToolOrigin, moodle.WwwRoot).LaunchAsync(course.Learners[Earner].UserId, DemoCoursePage.LearnerLanding));
        await Assertions.Expect(earner.EarnedCard(BadgeName)).ToHaveCountAsync(0);

        // The teacher defines the pilot achievement from what the sync found in Moodle.
        var editor = await AchievementEditorPage.OpenNewAsync(teacher);
        await Assertions.Expect(editor.NotSyncedNotice).ToHaveCountAsync(0);
        await editor.SetNameAsync(BadgeName);
        await editor.SetWorkloadHoursAsync("45");
        await editor.SetThresholdAsync(0, "70");
        await editor.AddCriterionAsync("Rubric levels");
        await editor.PickItemAsync(1, "Capstone workshop");
        await editor.PickLevelAsync(1, "Proficient");
        await editor.AddCriterionAsync("Outcome / competency level");
        await editor.PickOutcomeAsync(2, "Solution architecture");
        await editor.SetThresholdAsync(2, "3");
        await teacherTab.ScreenshotAsync("moodle-editor");
        await editor.SaveAsync();
        Assert.True(await editor.SavedMessage.IsVisibleAsync(), "Not saved: " + await editor.ProblemsAsync());
        var achievementId = await editor.SavedIdAsync();
        var definition = (await jobs.Get<AchievementStore>().GetVersionAsync(achievementId, null, ct))!.Definition;
        Assert.Contains("Proficient", definition, StringComparison.Ordinal);

        // Evaluation and issuance run; the learner who meets every rule sees the badge, in the tool and in Moodle's gradebook.
        var credential = await jobs.WaitForCredentialAsync(achievementId, Earner, ct);
        await earner.Tool.GoToAsync(DemoCoursePage.LearnerLanding);
        var card = earner.EarnedCard(BadgeName);
        await Assertions.Expect(card).ToContainTextAsync("Earned on");
        await Assertions.Expect(LearnerPage.VerifyLink(card)).ToHaveAttributeAsync("href", $"/credentials/{credential.PublicId}");
        await earnerTab.ScreenshotAsync("moodle-learner-earned");

        await jobs.WaitForMoodleScoreAsync(Earner, ct);
        await using (var gradesTab = await fixture.OpenAsync())
        {
            var cell = await new MoodleCoursePage(gradesTab.Page, site.ToolOrigin, moodle.WwwRoot).OpenGradeAsync(course.Learners[Earner].SortableName, BadgeName);
            await Assertions.Expect(cell).ToContainTextAsync("1.00 / 1.00");
            await Assertions.Expect(cell).ToContainTextAsync("Verify it at");
            await gradesTab.ScreenshotAsync("moodle-grader-report");
        }

        // The learner whose course grade is just short sees a progress bar per criterion and the explanation.
        await using var closeTab = await fixture.OpenAsync();
        var close = new LearnerPage(await new MoodleCoursePage(closeTab.Page, site.ToolOrigin, moodle.WwwRoot).LaunchAsync(course.Learners[CloseOnGrade].UserId, DemoCoursePage.LearnerLanding));
        var progress = close.ProgressCard(BadgeName);
        await Assertions.Expect(progress).ToBeVisibleAsync();
        await Assertions.Expect(close.EarnedCard(BadgeName)).ToHaveCountAsync(0);
        var grade = LearnerPage.Criteria(progress).Filter(new() { HasText = "Course grade" });
        await Assertions.Expect(grade).ToContainTextAsync("Not yet");
        await Assertions.Expect(LearnerPage.ProgressBars(grade)).ToHaveAttributeAsync("aria-valuenow", new System.Text.RegularExpressions.Regex(@"^6\d(\.\d+)?$"));
        await closeTab.ScreenshotAsync("moodle-learner-progress");

        // An employer following the Verify link sees the credential verified.
        var verifyTab = await earnerTab.Page.RunAndWaitForPopupAsync(() => LearnerPage.VerifyLink(card).ClickAsync());
        var verification = new CredentialPage(verifyTab);
        await Assertions.Expect(verification.Verdict).ToContainTextAsync("verified", new() { IgnoreCase = true });
        Assert.DoesNotContain("not", await verification.Verdict.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await verifyTab.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathForCurrentTest("moodle-verified"), FullPage = true });
    }
}
