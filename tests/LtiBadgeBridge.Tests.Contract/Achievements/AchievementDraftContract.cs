using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Learners;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Testing.Databases;

namespace LtiBadgeBridge.Tests.Contract.Achievements;

/// <summary>Draft achievements: versioned like any other, but never evaluated, awarded or shown to learners until published.</summary>
public abstract class AchievementDraftContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly AchievementsWorld _world = new(fixture.Database);

    [Fact]
    public async Task SaveDraft_IsStoredButNeverEvaluatedAwardedOrShownToLearners()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "draft-hidden");

        var saved = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, AchievementsWorld.Pilot("cloud-computing.yaml"), "cc.yaml", "instructor", asDraft: true, ct);
        var run = await _world.NewJob().RunAsync(course.Course.Id, ct);
        var learner = await Learners().CourseAsync(course.PlatformId, course.Course.Id, course.People["learner-met"], ct);
        var detail = await Learners().AchievementAsync(course.PlatformId, course.Course.Id, course.People["learner-met"], saved.Achievement!.Id, ct);

        Assert.True(saved.Succeeded, string.Join("\n", saved.Errors));
        Assert.True(saved.Changed);
        Assert.False(saved.Published);
        Assert.Equal(AchievementStatuses.Draft, saved.Achievement.Status);
        Assert.True(saved.Achievement.IsDraft);
        Assert.Null(saved.Achievement.PublishedAt);
        Assert.Empty(await _world.Store.ListActiveAsync(course.PlatformId, course.Course.Id, ct));
        Assert.Equal(0, await _world.CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'evaluate-course' AND payload = @payload", new { payload = $"{{\"courseId\":{course.Course.Id}}}" }, ct));
        Assert.Equal(0, run.AwardsEarned);
        Assert.Empty(await _world.AwardsAsync(course.Course.Id, ct));
        Assert.Empty(await _world.DecisionsAsync(course.Course.Id, ct));
        Assert.Empty(learner.Awarded);
        Assert.Empty(learner.NotYetEarned);
        Assert.Null(detail);
        Assert.Equal(1, await AuditCountAsync("achievement.draft-saved", saved.Achievement.Id, ct));
    }

    [Fact]
    public async Task SaveDraft_ChangedContent_AddsAVersionAndStaysDraft()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "draft-versions");
        var text = AchievementsWorld.Pilot("cloud-computing.yaml");
        await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text, "cc.yaml", "instructor", asDraft: true, ct);

        var second = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text.Replace("minPercent: 70", "minPercent: 75", StringComparison.Ordinal), "cc.yaml", "instructor", asDraft: true, ct);
        var same = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text.Replace("minPercent: 70", "minPercent: 75", StringComparison.Ordinal), "cc.yaml", "instructor", asDraft: true, ct);

        Assert.True(second.Changed);
        Assert.Equal(2, second.Version);
        Assert.Equal(AchievementStatuses.Draft, second.Achievement!.Status);
        Assert.False(same.Changed);
        Assert.Equal(2, same.Version);
        Assert.Equal(AchievementStatuses.Draft, (await _world.Store.GetAsync(second.Achievement.Id, ct))!.Status);
    }

    [Fact]
    public async Task Publish_Draft_ActivatesAuditsAndEvaluatesTheSameVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "draft-publish");
        var draft = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, AchievementsWorld.Pilot("cloud-computing.yaml"), "cc.yaml", "instructor", asDraft: true, ct);

        var published = await _world.Store.PublishAsync(draft.Achievement!.Id, "lti-person:7", ct);
        var again = await _world.Store.PublishAsync(draft.Achievement.Id, "lti-person:7", ct);
        var run = await _world.NewJob().RunAsync(course.Course.Id, ct);

        Assert.True(published.Succeeded, string.Join("\n", published.Errors));
        Assert.True(published.Published);
        Assert.False(published.Changed);
        Assert.Equal(1, published.Version);
        Assert.Equal(AchievementStatuses.Active, published.Achievement!.Status);
        Assert.NotNull(published.Achievement.PublishedAt);
        Assert.False(again.Published);
        Assert.Single(await _world.Store.ListActiveAsync(course.PlatformId, course.Course.Id, ct));
        Assert.Equal(1, await _world.CountAsync("SELECT COUNT(*) FROM achievement_versions WHERE achievement_id = @id", new { id = draft.Achievement.Id }, ct));
        Assert.Equal(1, await AuditCountAsync("achievement.published", draft.Achievement.Id, ct));
        Assert.Equal(1, await _world.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'achievement.published' AND actor = 'lti-person:7'", null, ct));
        Assert.Equal(1, await _world.CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'evaluate-course' AND payload = @payload", new { payload = $"{{\"courseId\":{course.Course.Id}}}" }, ct));
        Assert.Equal(1, run.AwardsEarned);
        Assert.Equal(course.People["learner-met"], Assert.Single(await _world.AwardsAsync(course.Course.Id, ct)).PersonId);
    }

    [Fact]
    public async Task Save_DraftWithChangedContent_PublishesANewVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "draft-save-publishes");
        var text = AchievementsWorld.Pilot("cloud-computing.yaml");
        await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text, "cc.yaml", "instructor", asDraft: true, ct);

        var saved = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text.Replace("minPercent: 70", "minPercent: 75", StringComparison.Ordinal), "cc.yaml", "instructor", ct);

        Assert.True(saved.Changed);
        Assert.True(saved.Published);
        Assert.Equal(2, saved.Version);
        Assert.Equal(AchievementStatuses.Active, saved.Achievement!.Status);
        Assert.Equal(1, await AuditCountAsync("achievement.published", saved.Achievement.Id, ct));
    }

    [Fact]
    public async Task SaveDraft_OfAPublishedAchievement_IsRefusedAndNothingChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "draft-refused");
        var text = AchievementsWorld.Pilot("cloud-computing.yaml");
        var active = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text, "cc.yaml", "instructor", ct);

        var draft = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text.Replace("minPercent: 70", "minPercent: 75", StringComparison.Ordinal), "cc.yaml", "instructor", asDraft: true, ct);

        Assert.True(active.Published);
        Assert.False(draft.Succeeded);
        Assert.Equal(AchievementErrorCodes.AlreadyPublished, draft.Code);
        var stored = (await _world.Store.GetAsync(active.Achievement!.Id, ct))!;
        Assert.Equal(AchievementStatuses.Active, stored.Status);
        Assert.Equal(1, stored.CurrentVersion);
    }

    [Fact]
    public async Task Save_StackedOnADraft_IsRefusedUntilItIsPublished()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "draft-stacking");
        var draft = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, AchievementsWorld.Pilot("cloud-computing.yaml"), "cc.yaml", "instructor", asDraft: true, ct);

        var before = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, AchievementStoreContract<TDatabase>.Stacked("path-a", "cloud-computing"), "a.yaml", "instructor", ct);
        await _world.Store.PublishAsync(draft.Achievement!.Id, "instructor", ct);
        var after = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, AchievementStoreContract<TDatabase>.Stacked("path-a", "cloud-computing"), "a.yaml", "instructor", ct);

        Assert.False(before.Succeeded);
        Assert.Contains(before.Errors, e => e.Code == DefinitionErrorCodes.UnknownAchievement);
        Assert.True(after.Succeeded, string.Join("\n", after.Errors));
    }

    private LearnerBadgeQuery Learners()
    {
        var settings = new IssuanceSettings { PublicBaseUrl = new Uri("https://badges.example.edu/") };
        var issuers = new IssuerProfileStore(_world.Database, new PlatformStore(_world.Database, TimeProvider.System), settings, new EndorsementStore(_world.Database), TimeProvider.System);
        return new LearnerBadgeQuery(_world.Database, settings, issuers);
    }

    private Task<int> AuditCountAsync(string action, long achievementId, CancellationToken ct) =>
        _world.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = @action AND target = @target", new { action, target = $"achievement:{achievementId}" }, ct);
}

public sealed class AchievementDraftsOnSqlite(SqliteDatabase fixture) : AchievementDraftContract<SqliteDatabase>(fixture);

public sealed class AchievementDraftsOnPostgres(PostgresDatabase fixture) : AchievementDraftContract<PostgresDatabase>(fixture);
