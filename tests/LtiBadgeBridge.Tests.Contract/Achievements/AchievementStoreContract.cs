using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Testing.Databases;

namespace LtiBadgeBridge.Tests.Contract.Achievements;

public abstract class AchievementStoreContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly AchievementsWorld _world = new(fixture.Database);

    [Fact]
    public async Task Save_SameContentTwice_KeepsTheVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "store-same");
        var text = AchievementsWorld.Pilot("cloud-computing.yaml");

        var first = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text, "cloud-computing.yaml", "admin", ct);
        // Comments differ, content does not.
        var second = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, "# re-imported\n" + text + "\n# end\n", "cloud-computing.yaml", "admin", ct);

        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.True(first.Changed);
        Assert.Equal(1, first.Version);
        Assert.True(second.Succeeded, string.Join("\n", second.Errors));
        Assert.False(second.Changed);
        Assert.Equal(1, second.Version);
        Assert.Equal(first.Achievement!.Id, second.Achievement!.Id);
        Assert.Equal(1, await _world.CountAsync("SELECT COUNT(*) FROM achievement_versions WHERE achievement_id = @id", new { id = first.Achievement.Id }, ct));
    }

    [Fact]
    public async Task Save_ChangedContent_AddsAVersionAndRequestsEvaluation()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "store-changed");
        var text = AchievementsWorld.Pilot("cloud-computing.yaml");
        var first = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text, "cloud-computing.yaml", "admin", ct);

        var second = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text.Replace("minPercent: 70", "minPercent: 75", StringComparison.Ordinal), "cloud-computing.yaml", "admin", ct);

        Assert.True(second.Changed);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, (await _world.Store.GetAsync(first.Achievement!.Id, ct))!.CurrentVersion);
        Assert.Contains("minPercent: 70", (await _world.Store.GetVersionAsync(first.Achievement.Id, 1, ct))!.Definition, StringComparison.Ordinal);
        Assert.Contains("minPercent: 75", (await _world.Store.GetVersionAsync(first.Achievement.Id, null, ct))!.Definition, StringComparison.Ordinal);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
        Assert.Equal(2, await _world.CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'evaluate-course' AND payload = @payload", new { payload = $"{{\"courseId\":{course.Course.Id}}}" }, ct));
    }

    [Fact]
    public async Task Save_UnknownItem_IsRefusedWithItsLineAndNothingIsSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "store-invalid");
        var text = AchievementsWorld.Pilot("cloud-computing.yaml").Replace("evidence: \"20010\"", "evidence: \"20011\"", StringComparison.Ordinal);

        var result = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, text, "cloud-computing.yaml", "admin", ct);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Severity == DefinitionSeverity.Error);
        Assert.Contains("20011", error.Message, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("20011", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Empty(await _world.Store.ListAsync(course.PlatformId, ct));
        Assert.Equal(0, await _world.CountAsync("SELECT COUNT(*) FROM achievement_versions WHERE platform_id = @p", new { p = course.PlatformId }, ct));
    }

    [Fact]
    public async Task Save_StackingCycle_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "store-cycle");
        var a = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, Stacked("path-a", "cloud-computing"), "a.yaml", "admin", ct);
        Assert.False(a.Succeeded);
        Assert.Contains(a.Errors, e => e.Code == DefinitionErrorCodes.UnknownAchievement);

        Assert.True((await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, AchievementsWorld.Pilot("cloud-computing.yaml"), "cc.yaml", "admin", ct)).Succeeded);
        Assert.True((await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, Stacked("path-a", "cloud-computing"), "a.yaml", "admin", ct)).Succeeded);
        Assert.True((await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, Stacked("path-b", "path-a"), "b.yaml", "admin", ct)).Succeeded);

        var cycle = await _world.Store.SaveAsync(course.PlatformId, course.Course.Id, Stacked("path-a", "path-b"), "a.yaml", "admin", ct);

        Assert.False(cycle.Succeeded);
        Assert.Contains(cycle.Errors, e => e.Code == DefinitionErrorCodes.StackingCycle);
        Assert.Equal(1, (await _world.Store.ListAsync(course.PlatformId, ct)).Single(x => x.Slug == "path-a").CurrentVersion);
    }

    [Fact]
    public async Task Save_InstitutionWide_IsListedAndActiveInEveryCourse()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await _world.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "store-institution");

        var saved = await _world.Store.SaveAsync(course.PlatformId, null, Stacked("institution-path", null), "i.yaml", "admin", ct);

        Assert.True(saved.Succeeded, string.Join("\n", saved.Errors));
        Assert.Null(saved.Achievement!.CourseId);
        Assert.Contains(await _world.Store.ListActiveAsync(course.PlatformId, course.Course.Id, ct), a => a.Achievement.Slug == "institution-path");
    }

    /// <summary>A small definition; stacked on <paramref name="needs"/> when given, else on a course grade.</summary>
    internal static string Stacked(string id, string? needs) => $"""
        id: {id}
        name: Pathway {id}
        description: A pathway.
        criteria: Earn the listed achievements.
        achievementType: Badge
        rules:
          {(needs is null ? "courseScore: final\n  minPercent: 50" : $"achievements: [{needs}]")}
        """;
}

public sealed class AchievementStoreOnSqlite(SqliteDatabase fixture) : AchievementStoreContract<SqliteDatabase>(fixture);

public sealed class AchievementStoreOnPostgres(PostgresDatabase fixture) : AchievementStoreContract<PostgresDatabase>(fixture);
