using System.Net;
using Dapper;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Tests.Integration.Instructor;

/// <summary>Drafts and new-achievement defaults in the instructor's editor, on the real service over a synced course.</summary>
public sealed class AchievementDraftPagesTests
{
    /// <summary>What an instructor who only picks the capstone and a threshold posts (the metadata fields left as sent, or absent).</summary>
    private static readonly KeyValuePair<string, string>[] PickedOnly =
    [
        new("Form.Combine", "all"),
        new("Form.Rules[0].Kind", RuleKinds.ItemScore),
        new("Form.Rules[0].ItemId", InstructorCourse.Capstone),
        new("Form.Rules[0].Threshold", "70"),
        new("Form.Rules[0].ThresholdUnit", "percent"),
    ];

    [Fact]
    public async Task NewForm_IsPrefilledFromTheCourse_WithDraftAndPublishButtons()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);

        var html = await (await course.GetAsync("/lti/instructor/achievements/new", course.Session())).Content.ReadAsStringAsync(ct);

        Assert.Contains("name=\"Form.Name\" type=\"text\" value=\"Cloud Computing\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.WorkloadHours\" type=\"text\" value=\"45\"", html, StringComparison.Ordinal);
        Assert.Contains("Meet this criterion in Cloud Computing:", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.GeneratedCriteriaNarrative\"", html, StringComparison.Ordinal);
        Assert.Contains(">Save draft</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Publish</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Save achievement</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_OnlyPickedItems_IsSavedAsADraftThatIsPreviewedButNeverEvaluatedOrShownToLearners()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();

        var saved = await course.PostAsync("/lti/instructor/achievements/new?handler=SaveDraft", session, PickedOnly);
        var id = InstructorCourse.RedirectedAchievementId(saved);
        var edit = await (await course.GetAsync(saved.Headers.Location!.OriginalString.Split("&s=")[0], session)).Content.ReadAsStringAsync(ct);
        var list = await (await course.GetAsync("/lti/instructor/achievements", session)).Content.ReadAsStringAsync(ct);
        var preview = await (await course.GetAsync($"/lti/instructor/achievements/{id}/preview", session)).Content.ReadAsStringAsync(ct);
        var learnerHome = await (await course.GetAsync("/lti/learner", course.Session(instructor: false))).Content.ReadAsStringAsync(ct);
        var learnerDetail = await course.GetAsync($"/lti/learner/achievements/{id}", course.Session(instructor: false));

        var store = course.Get<AchievementStore>();
        var achievement = (await store.GetAsync(id, ct))!;
        var definition = AchievementDefinitionReader.Read((await store.GetVersionAsync(id, null, ct))!.Definition).Definition!;
        Assert.Equal(AchievementStatuses.Draft, achievement.Status);
        Assert.Equal("cloud-computing", achievement.Slug);
        Assert.Equal("Cloud Computing", definition.Name);
        Assert.Equal(AchievementTypes.MicroCredential, definition.AchievementType);
        Assert.Equal(45, definition.Workload!.Hours);
        Assert.Equal("Meet this criterion in Cloud Computing:\n\n- Capstone workshop: at least 70 %", definition.Criteria);
        Assert.Contains("id=\"draft-badge\">Draft</span>", edit, StringComparison.Ordinal);
        Assert.Contains("Saved as a draft.", edit, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge-draft\">Draft</span>", list, StringComparison.Ordinal);
        Assert.Contains("handler=Publish&amp;id=" + id, list, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"stat-would-earn\">3</strong>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Cloud Computing</", learnerHome.Split("<h1", 2)[^1].Split("</h1>", 2)[^1], StringComparison.Ordinal);
        Assert.Contains("id=\"learner-not-found\"", await learnerDetail.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(course, "SELECT COUNT(*) FROM outbox WHERE kind = 'evaluate-course'"));
        Assert.Equal(0, await CountAsync(course, $"SELECT COUNT(*) FROM decisions WHERE achievement_id = {id}"));
    }

    [Fact]
    public async Task PublishFromTheList_Draft_IsAuditedAndEvaluated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();
        var id = InstructorCourse.RedirectedAchievementId(await course.PostAsync("/lti/instructor/achievements/new?handler=SaveDraft", session, PickedOnly));

        var published = await course.PostAsync($"/lti/instructor/achievements?handler=Publish&id={id}", session, []);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("published=" + id, published.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(AchievementStatuses.Active, (await course.Get<AchievementStore>().GetAsync(id, ct))!.Status);
        Assert.Equal(1, await CountAsync(course, $"SELECT COUNT(*) FROM audit_log WHERE action = 'achievement.published' AND target = 'achievement:{id}' AND actor = 'lti-person:{course.InstructorId}'"));
        Assert.Equal(1, await CountAsync(course, "SELECT COUNT(*) FROM outbox WHERE kind = 'evaluate-course'"));
        var list = await (await course.GetAsync("/lti/instructor/achievements", session)).Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("<span class=\"badge-draft\">", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_OnlyPickedItems_IsSavedActiveWithTheDefaults()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var session = course.Session();

        var saved = await course.PostAsync("/lti/instructor/achievements/new?handler=Save", session, PickedOnly);
        var id = InstructorCourse.RedirectedAchievementId(saved);
        var edit = await (await course.GetAsync($"/lti/instructor/achievements/{id}", session)).Content.ReadAsStringAsync(ct);
        var draftOfPublished = await course.PostAsync($"/lti/instructor/achievements/{id}?handler=SaveDraft", session, [new("Form.Slug", "cloud-computing"), .. PickedOnly]);

        Assert.Contains("published=1", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(AchievementStatuses.Active, (await course.Get<AchievementStore>().GetAsync(id, ct))!.Status);
        Assert.Contains(">Save achievement</button>", edit, StringComparison.Ordinal);
        Assert.DoesNotContain(">Save draft</button>", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, draftOfPublished.StatusCode);
        Assert.Contains(AchievementErrorCodes.AlreadyPublished, await draftOfPublished.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(1, (await course.Get<AchievementStore>().GetAsync(id, ct))!.CurrentVersion);
    }

    [Fact]
    public async Task Import_AsDraft_CreatesADraft()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var course = await InstructorCourse.StartAsync(ct);
        var yaml = $"""
            id: imported-draft
            name: Imported draft
            description: Completed the capstone workshop.
            criteria: Score at least 60 % on the capstone workshop.
            achievementType: Badge
            rules:
              itemScore: "{InstructorCourse.Capstone}"
              minPercent: 60
            """;

        var imported = await course.PostAsync("/lti/instructor/achievements?handler=Import", course.Session(), [new("ImportText", yaml), new("ImportAsDraft", "true")]);

        var id = InstructorCourse.RedirectedAchievementId(imported);
        Assert.Equal(AchievementStatuses.Draft, (await course.Get<AchievementStore>().GetAsync(id, ct))!.Status);
        Assert.Equal(0, await CountAsync(course, "SELECT COUNT(*) FROM outbox WHERE kind = 'evaluate-course'"));
    }

    private static async Task<int> CountAsync(InstructorCourse course, string sql)
    {
        await using var connection = await course.Database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, cancellationToken: TestContext.Current.CancellationToken));
    }
}
