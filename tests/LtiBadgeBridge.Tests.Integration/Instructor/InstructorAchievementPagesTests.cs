using System.Net;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;

namespace LtiBadgeBridge.Tests.Integration.Instructor;

/// <summary>The instructor's achievement pages on the real service, over a synced course.</summary>
public sealed class InstructorAchievementPagesTests
{
    private static List<KeyValuePair<string, string>> CapstoneForm(string threshold, string slug = "capstone-badge") =>
    [
        new("Form.Slug", slug),
        new("Form.Name", "Capstone badge"),
        new("Form.Description", "Completed the capstone workshop."),
        new("Form.CriteriaNarrative", "Score at least 70 % on the capstone workshop."),
        new("Form.AchievementType", "Badge"),
        new("Form.Combine", "all"),
        new("Form.Rules[0].Kind", RuleKinds.ItemScore),
        new("Form.Rules[0].ItemId", InstructorCourse.Capstone),
        new("Form.Rules[0].Threshold", threshold),
        new("Form.Rules[0].ThresholdUnit", "percent"),
        new("ImageChoice", "builtin:green"),
    ];

    [Fact]
    public async Task NewAchievement_PickedItemAndThreshold_IsStoredCompilesAndPreviewCountsLearners()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();

        var form = await course.GetAsync("/lti/instructor/achievements/new", session);
        var formHtml = await form.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"<option value=\"{InstructorCourse.Capstone}\">Capstone workshop (100 pts)</option>", formHtml, StringComparison.Ordinal);

        var saved = await course.PostAsync("/lti/instructor/achievements/new?handler=Save", session, CapstoneForm("70"));
        var id = InstructorCourse.RedirectedAchievementId(saved);

        var store = course.Get<AchievementStore>();
        var version = await store.GetVersionAsync(id, null, ct);
        var definition = AchievementDefinitionReader.Read(version!.Definition).Definition!;
        var rule = Assert.IsType<ItemScoreRule>(Assert.Single(Assert.IsType<AllRule>(definition.Rules).Rules));
        Assert.Equal((InstructorCourse.Capstone, 70d), (rule.ItemId, rule.Threshold.MinPercent!.Value));
        Assert.Equal("Capstone workshop", rule.Label);
        Assert.StartsWith("data:image/png;base64,", definition.Image, StringComparison.Ordinal);
        var context = await course.Get<CourseContextLoader>().LoadAsync(course.Course.Id, ct);
        Assert.NotNull(AchievementCompiler.Compile(definition, context!.Catalogue).Achievement);

        var preview = await course.GetAsync($"/lti/instructor/achievements/{id}/preview", session);
        var html = await preview.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<strong id=\"stat-learners\">10</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"stat-would-earn\">3</strong>", html, StringComparison.Ordinal); // 70, 80 and 90 %
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-blocked-title\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Capstone workshop</th><td>7</td>", html, StringComparison.Ordinal); // blocks 7 learners, in the table too
        Assert.Contains("Learner 9", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewAchievement_ThresholdAbove100_ShowsTheMessageAtTheFieldAndSavesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();

        var response = await course.PostAsync("/lti/instructor/achievements/new?handler=Save", session, CapstoneForm("170"));
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"r0-threshold-error\">", html, StringComparison.Ordinal);
        Assert.Matches("r0-threshold-error\">\\s*<p class=\"field-error\">[^<]*170", html);
        Assert.Contains("value=\"170\"", html, StringComparison.Ordinal);
        Assert.Empty(await course.Get<AchievementStore>().ListAsync(course.PlatformId, ct));
    }

    [Fact]
    public async Task Edit_ShowsTheStoredDefinition_AddsACriterion_AndRefusesAYamlIdChange()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();
        var id = await course.InsertAchievementAsync("editable", "Editable", YamlFor("editable", 65));

        var edit = await course.GetAsync($"/lti/instructor/achievements/{id}", session);
        var html = await edit.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("name=\"Form.Rules[0].Threshold\" type=\"text\" inputmode=\"decimal\" value=\"65\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{InstructorCourse.Capstone}\" selected=\"selected\">", html, StringComparison.Ordinal);

        var added = await course.PostAsync($"/lti/instructor/achievements/{id}?handler=AddRow", session, [
            new("Form.Slug", "editable"), new("Form.Rules[0].Kind", RuleKinds.ItemScore), new("Form.Rules[0].ItemId", InstructorCourse.Capstone),
            new("Form.Rules[0].Threshold", "65"), new("AddKind", RuleKinds.Evidence)]);
        var addedHtml = await added.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("name=\"Form.Rules[1].Kind\"", addedHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"evidence\" selected=\"selected\">", addedHtml, StringComparison.Ordinal);

        var renamed = await course.PostAsync($"/lti/instructor/achievements/{id}?handler=Yaml", session, [new("Yaml", YamlFor("renamed", 65))]);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("id_changed", await renamed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Single(await course.Get<AchievementStore>().ListAsync(course.PlatformId, ct));
    }

    [Fact]
    public async Task LearnerSession_IsRefusedOnEveryInstructorPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var learner = course.Session(instructor: false);

        foreach (var path in new[] { "/lti/instructor/achievements", "/lti/instructor/achievements/new", "/lti/instructor/achievements/1/preview", "/lti/instructor/outcomes" })
        {
            var response = await course.GetAsync(path, learner);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("lti.role_not_allowed", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        var post = await course.PostAsync("/lti/instructor/achievements/new?handler=Save", learner, CapstoneForm("70"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await course.Get<AchievementStore>().ListAsync(course.PlatformId, ct));
    }

    [Fact]
    public async Task Post_WithoutTheSessionInTheBody_IsRefusedAsCrossSite()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);

        var response = await course.PostAsync("/lti/instructor/achievements/new?handler=Save", course.Session(), CapstoneForm("70"), sessionInBody: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await course.Get<AchievementStore>().ListAsync(course.PlatformId, ct));
    }

    [Fact]
    public async Task AnotherCoursesAchievement_IsNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var other = await course.Get<LtiBadgeBridge.Courses.CourseStore>().UpsertFromLaunchAsync(new LtiBadgeBridge.Courses.Course
        {
            PlatformId = course.PlatformId, DeploymentId = "dep-1", ContextId = "ctx-other", Title = "Other",
        }, ct);
        var saved = await course.Get<AchievementStore>().SaveAsync(course.PlatformId, other.Id, YamlFor("other-badge", 50), "test", "test", ct);

        var response = await course.GetAsync($"/lti/instructor/achievements/{saved.Achievement!.Id}/awards", course.Session());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(AchievementErrorCodes.AchievementNotFound, await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Awards_ApproveThenRevokeWithReason_ChangeTheAwardState()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();
        var id = await course.InsertAchievementAsync("gated", "Gated", YamlFor("gated", 70, requiresApproval: true));
        var at = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
        var pending = await course.InsertAwardAsync(id, course.LearnerIds[9], AwardStates.PendingApproval, at);
        var earned = await course.InsertAwardAsync(id, course.LearnerIds[8], AwardStates.Earned, at);

        var page = await (await course.GetAsync($"/lti/instructor/achievements/{id}/awards", session)).Content.ReadAsStringAsync(ct);
        Assert.Contains("learner9@example.edu", page, StringComparison.Ordinal);

        var approve = await course.PostAsync($"/lti/instructor/achievements/{id}/awards?handler=Approve", session, [new("AwardId", pending.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(AwardStates.Earned, await course.AwardStateAsync(pending));

        var noReason = await course.PostAsync($"/lti/instructor/achievements/{id}/awards?handler=Revoke", session, [new("AwardId", earned.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Reason", " ")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains(AchievementErrorCodes.ReasonRequired, await noReason.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(AwardStates.Earned, await course.AwardStateAsync(earned));

        var revoke = await course.PostAsync($"/lti/instructor/achievements/{id}/awards?handler=Revoke", session, [new("AwardId", earned.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Reason", "Plagiarised capstone")]);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(AwardStates.Revoked, await course.AwardStateAsync(earned));
        var after = await (await course.GetAsync($"/lti/instructor/achievements/{id}/awards", session)).Content.ReadAsStringAsync(ct);
        Assert.Contains("Plagiarised capstone", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yaml_ExportThenImport_RoundTripsWithoutANewVersion_AndBadImportsSayTheLine()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();

        var imported = await course.PostAsync("/lti/instructor/achievements?handler=Import", session, [new("ImportText", YamlFor("pasted", 60))]);
        var id = InstructorCourse.RedirectedAchievementId(imported);
        Assert.Contains("imported=1", imported.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var export = await course.GetAsync($"/lti/instructor/achievements?handler=Export&id={id}", session);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("pasted.yaml", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        var yaml = await export.Content.ReadAsStringAsync(ct);
        var stored = await course.Get<AchievementStore>().GetVersionAsync(id, null, ct);
        Assert.Equal(stored!.ContentHash, DefinitionVersion.Compute(AchievementDefinitionReader.Read(yaml).Definition!));

        var again = await course.PostAsync("/lti/instructor/achievements?handler=Import", session, [new("ImportText", yaml)]);
        Assert.Equal(id, InstructorCourse.RedirectedAchievementId(again));
        Assert.Contains("imported=0", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, (await course.Get<AchievementStore>().GetAsync(id, ct))!.CurrentVersion);

        var bad = await course.PostAsync("/lti/instructor/achievements?handler=Import", session, [new("ImportText", YamlFor("broken", 170))]);
        var html = await bad.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Matches(@"line \d+, column \d+: [^<]*170", html);
    }

    [Fact]
    public async Task Outcomes_ShowEnrolledEarnedAndPassRate_FromTheAwards()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var id = await course.InsertAchievementAsync("outcome-badge", "Outcome badge", YamlFor("outcome-badge", 70));
        var monday = new DateTimeOffset(2026, 6, 8, 9, 0, 0, TimeSpan.Zero);
        await course.InsertAwardAsync(id, course.LearnerIds[7], AwardStates.Earned, monday);
        await course.InsertAwardAsync(id, course.LearnerIds[8], AwardStates.Earned, monday.AddDays(3));
        await course.InsertAwardAsync(id, course.LearnerIds[9], AwardStates.Earned, monday.AddDays(15));
        await course.InsertAwardAsync(id, course.LearnerIds[6], AwardStates.PendingApproval, monday.AddDays(15));

        var response = await course.GetAsync("/lti/instructor/outcomes", course.Session());
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong id=\"learners\">10</strong>", html, StringComparison.Ordinal);
        Assert.Matches("data-achievement=\"outcome-badge\">\\s*<th scope=\"row\">Outcome badge</th>\\s*<td>10</td>\\s*<td>6</td>\\s*<td>1</td>\\s*<td class=\"earned\">3</td>\\s*<td>0</td>\\s*<td class=\"pass-rate\">30 %</td>", html);
        // Earned per week (Mondays): 2 in the week of 8 June, none the next, 1 in the week of 22 June.
        Assert.Contains("<th scope=\"row\">2026-06-08</th><td>2</td><td>2 in all</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2026-06-15</th><td>0</td><td>2 in all</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2026-06-22</th><td>1</td><td>3 in all</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Outcome badge</th><td>30%</td>", html, StringComparison.Ordinal);
    }

    private static string YamlFor(string slug, int minPercent, bool requiresApproval = false) => $"""
        id: {slug}
        name: {char.ToUpperInvariant(slug[0])}{slug[1..].Replace('-', ' ')}
        description: Completed the capstone workshop.
        criteria: Score at least {minPercent} % on the capstone workshop.
        achievementType: Badge
        requiresApproval: {(requiresApproval ? "true" : "false")}
        rules:
          all:
            - label: Capstone workshop
              itemScore: "{InstructorCourse.Capstone}"
              minPercent: {minPercent}
        """;
}
