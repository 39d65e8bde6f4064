using System.Text.Json;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Testing.Databases;

namespace LtiBadgeBridge.Tests.Contract.Achievements;

public abstract class AchievementEvaluationContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private protected AchievementsWorld World { get; } = new(fixture.Database);

    private protected async Task<(AchievementsWorld.PilotCourse Course, long AchievementId)> ArrangeAsync(string contextId, string definition, CancellationToken ct)
    {
        var course = await World.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, contextId);
        var saved = await World.Store.SaveAsync(course.PlatformId, course.Course.Id, definition, "definition.yaml", "admin", ct);
        Assert.True(saved.Succeeded, string.Join("\n", saved.Errors));
        return (course, saved.Achievement!.Id);
    }

    [Fact]
    public async Task Evaluate_CloudComputingPilot_DecidesEachLearnerWithExplanations()
    {
        var ct = TestContext.Current.CancellationToken;
        var (course, achievementId) = await ArrangeAsync("eval-pilot", AchievementsWorld.Pilot("cloud-computing.yaml"), ct);

        var run = await World.NewJob().RunAsync(course.Course.Id, ct);

        Assert.Equal(3, run.Learners);
        Assert.Equal(1, run.AwardsEarned);
        var decisions = await World.DecisionsAsync(course.Course.Id, ct);
        Assert.Equal(3, decisions.Count);
        Assert.DoesNotContain(decisions, d => d.PersonId == course.People["teacher"]);
        Assert.Equal("met", decisions.Single(d => d.PersonId == course.People["learner-met"]).Outcome);

        var low = Progress(decisions.Single(d => d.PersonId == course.People["learner-low-grade"]).Progress);
        Assert.Equal("not_met", low.Outcome);
        Assert.Contains(low.Criteria, c => c.Id == "course-grade" && c.Explanation == "Course grade: 64 % of 70 % needed");

        var shortOf = Progress(decisions.Single(d => d.PersonId == course.People["learner-short"]).Progress);
        Assert.Equal("not_met", shortOf.Outcome);
        Assert.Contains(shortOf.Criteria, c => c.Id == "capstone-repository" && c.Explanation.Contains("submit your repository link", StringComparison.Ordinal));
        Assert.Contains(shortOf.Criteria, c => c.Kind == "rubricCriterion" && !c.Met && c.Explanation.Contains("Developing", StringComparison.Ordinal));

        var award = Assert.Single(await World.AwardsAsync(course.Course.Id, ct));
        Assert.Equal(course.People["learner-met"], award.PersonId);
        Assert.Equal(achievementId, award.AchievementId);
        Assert.Equal("earned", award.State);
        Assert.Equal(1, award.RuleVersion);
        Assert.Contains("https://github.com/ada/cloud-capstone", award.Evidence, StringComparison.Ordinal);
        Assert.Contains("Proficient", award.Result, StringComparison.Ordinal);
        var intent = await World.Outbox.FindAsync($"issue-credential:{award.Id}", ct);
        Assert.NotNull(intent);
        Assert.Equal($"{{\"awardId\":{award.Id}}}", intent.Payload);
    }

    [Fact]
    public async Task Evaluate_SecondRun_ChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (course, _) = await ArrangeAsync("eval-twice", AchievementsWorld.Pilot("cloud-computing.yaml"), ct);
        var first = await World.NewJob().RunAsync(course.Course.Id, ct);
        var outboxBefore = await World.CountAsync("SELECT COUNT(*) FROM outbox", null, ct);

        var second = await World.NewJob().RunAsync(course.Course.Id, ct);

        Assert.Equal(4, first.TotalWrites);
        Assert.Equal(0, second.TotalWrites);
        Assert.Equal(3, second.Learners);
        Assert.Equal(outboxBefore, await World.CountAsync("SELECT COUNT(*) FROM outbox", null, ct));
    }

    [Fact]
    public async Task Evaluate_GradeDropsAfterEarning_AwardStaysEarnedAndProgressUpdates()
    {
        var ct = TestContext.Current.CancellationToken;
        var (course, _) = await ArrangeAsync("eval-drop", AchievementsWorld.Pilot("cloud-computing.yaml"), ct);
        await World.NewJob().RunAsync(course.Course.Id, ct);
        await World.Courses.UpsertEnrollmentsAsync(course.PlatformId, [new Courses.Enrollment { CourseId = course.Course.Id, PersonId = course.People["learner-met"], Roles = "Learner", FinalScore = 50 }], ct);

        var again = await World.NewJob().RunAsync(course.Course.Id, ct);

        Assert.Equal(1, again.DecisionsWritten);
        Assert.Equal(0, again.AwardsEarned);
        Assert.Equal("earned", Assert.Single(await World.AwardsAsync(course.Course.Id, ct)).State);
        Assert.Equal("not_met", (await World.DecisionsAsync(course.Course.Id, ct)).Single(d => d.PersonId == course.People["learner-met"]).Outcome);
    }

    [Fact]
    public async Task ApprovalGate_WaitsForTheInstructorThenIssuesOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var gated = AchievementsWorld.Pilot("cloud-computing.yaml").Replace("rules:\n", "requiresApproval: true\nrules:\n", StringComparison.Ordinal);
        var (course, _) = await ArrangeAsync("eval-approval", gated, ct);

        var run = await World.NewJob().RunAsync(course.Course.Id, ct);
        var pending = Assert.Single(await World.AwardsAsync(course.Course.Id, ct));

        Assert.Equal(1, run.AwardsPending);
        Assert.Equal("pending_approval", pending.State);
        Assert.Null(await World.Outbox.FindAsync($"issue-credential:{pending.Id}", ct));
        Assert.Equal("awaiting_approval", (await World.DecisionsAsync(course.Course.Id, ct)).Single(d => d.PersonId == pending.PersonId).Outcome);

        var approved = await World.Awards.ApproveAsync(pending.Id, "Prof. Rivera", ct);
        var twice = await World.Awards.ApproveAsync(pending.Id, "Prof. Rivera", ct);
        var rerun = await World.NewJob().RunAsync(course.Course.Id, ct);

        Assert.True(approved.Succeeded);
        Assert.Equal(AchievementErrorCodes.NotPending, twice.Code);
        Assert.Equal(0, rerun.TotalWrites);
        var award = Assert.Single(await World.AwardsAsync(course.Course.Id, ct));
        Assert.Equal("earned", award.State);
        Assert.Equal("Prof. Rivera", award.ApprovedBy);
        Assert.NotNull(await World.Outbox.FindAsync($"issue-credential:{award.Id}", ct));
        Assert.Contains(await World.Audit.ListAsync(course.PlatformId, 20, ct), e => e.Action == "award.approved" && e.Target == $"award:{award.Id}");
    }

    [Fact]
    public async Task Revoke_RecordsTheReason_AndReevaluationNeverReissues()
    {
        var ct = TestContext.Current.CancellationToken;
        var (course, _) = await ArrangeAsync("eval-revoke", AchievementsWorld.Pilot("cloud-computing.yaml"), ct);
        await World.NewJob().RunAsync(course.Course.Id, ct);
        var award = Assert.Single(await World.AwardsAsync(course.Course.Id, ct));

        var revoked = await World.Awards.RevokeAsync(award.Id, "Plagiarised capstone", "Prof. Rivera", ct);
        var noReason = await World.Awards.RevokeAsync(award.Id, " ", "Prof. Rivera", ct);
        var rerun = await World.NewJob().RunAsync(course.Course.Id, ct);

        Assert.True(revoked.Succeeded);
        Assert.Equal(AchievementErrorCodes.ReasonRequired, noReason.Code);
        Assert.Equal(0, rerun.AwardsEarned);
        var after = Assert.Single(await World.AwardsAsync(course.Course.Id, ct));
        Assert.Equal("revoked", after.State);
        Assert.Equal("Plagiarised capstone", after.RevokedReason);
        Assert.Equal("Prof. Rivera", after.RevokedBy);
        Assert.NotNull(after.RevokedAt);
        Assert.Equal($"{{\"awardId\":{award.Id}}}", (await World.Outbox.FindAsync($"revoke-credential:{award.Id}", ct))!.Payload);
        Assert.Equal(1, await World.CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'issue-credential' AND dedupe_key = @k", new { k = $"issue-credential:{award.Id}" }, ct));
        Assert.Contains(await World.Audit.ListAsync(course.PlatformId, 20, ct), e => e.Action == "award.revoked" && e.Details!.Contains("Plagiarised", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stacking_PathwayIsEarnedInTheSameRunAsItsParts()
    {
        var ct = TestContext.Current.CancellationToken;
        var (course, _) = await ArrangeAsync("eval-stacking", AchievementsWorld.Pilot("cloud-computing.yaml"), ct);
        var pathway = await World.Store.SaveAsync(course.PlatformId, course.Course.Id, AchievementStoreContract<TDatabase>.Stacked("cloud-pathway", "cloud-computing"), "pathway.yaml", "admin", ct);
        Assert.True(pathway.Succeeded, string.Join("\n", pathway.Errors));

        var run = await World.NewJob().RunAsync(course.Course.Id, ct);

        Assert.Equal(2, run.AwardsEarned);
        var awards = await World.AwardsAsync(course.Course.Id, ct);
        Assert.All(awards, a => Assert.Equal(course.People["learner-met"], a.PersonId));
        Assert.Contains(awards, a => a.AchievementId == pathway.Achievement!.Id);
        var blocked = Progress((await World.DecisionsAsync(course.Course.Id, ct)).Single(d => d.PersonId == course.People["learner-short"] && d.AchievementId == pathway.Achievement!.Id).Progress);
        Assert.Contains(blocked.Criteria, c => c.Kind == "achievements" && c.Explanation.Contains("Cloud Computing Fundamentals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoPlatforms_SameCourseAndLearnerIds_EvaluateSeparately()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, _) = await ArrangeAsync("eval-tenant", AchievementsWorld.Pilot("cloud-computing.yaml"), ct);
        var b = await World.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "eval-tenant");

        await World.NewJob().RunAsync(a.Course.Id, ct);
        var other = await World.NewJob().RunAsync(b.Course.Id, ct);

        Assert.NotEqual(a.PlatformId, b.PlatformId);
        Assert.Equal(0, other.Achievements);
        Assert.Empty(await World.AwardsAsync(b.Course.Id, ct));
        Assert.Empty(await World.DecisionsAsync(b.Course.Id, ct));
        Assert.Equal(1, await World.CountAsync("SELECT COUNT(*) FROM awards WHERE platform_id = @p", new { p = a.PlatformId }, ct));
        Assert.Equal(0, await World.CountAsync("SELECT COUNT(*) FROM awards WHERE platform_id = @p", new { p = b.PlatformId }, ct));
    }

    [Fact]
    public async Task DryRun_DraftDefinition_SaysWhoWouldEarnAndWhatBlocks()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await World.ArrangePilotCourseAsync(AchievementsWorld.PilotLearners, ct, "eval-dryrun");

        var result = await World.DryRun.RunAsync(course.Course.Id, AchievementsWorld.Pilot("cloud-computing.yaml"), "draft.yaml", null, ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var report = result.Report!;
        Assert.Equal(3, report.Learners);
        Assert.Equal(["learner-met"], report.WouldEarn);
        Assert.Contains(report.Close, c => c.LearnerId == "learner-low-grade" && c.ShortBy == 1);
        Assert.Equal(0, await World.CountAsync("SELECT COUNT(*) FROM decisions WHERE course_id = @c", new { c = course.Course.Id }, ct));
        var bad = await World.DryRun.RunAsync(course.Course.Id, "id: x\nname: [", "draft.yaml", null, ct);
        Assert.False(bad.Succeeded);
        Assert.NotNull(Assert.Single(bad.Errors).Line);
    }

    private static DecisionProgressView Progress(string json) => JsonSerializer.Deserialize<DecisionProgressView>(json, JsonSerializerOptions.Web)!;

    private sealed record DecisionProgressView(string Outcome, string Summary, int ShortBy, IReadOnlyList<CriterionView> Criteria);

    private sealed record CriterionView(string Id, string Kind, string Explanation, bool Met);
}

public sealed class AchievementEvaluationOnSqlite(SqliteDatabase fixture) : AchievementEvaluationContract<SqliteDatabase>(fixture);

public sealed class AchievementEvaluationOnPostgres(PostgresDatabase fixture) : AchievementEvaluationContract<PostgresDatabase>(fixture)
{
    [Fact]
    public async Task ConcurrentEvaluations_InsertOneAwardAndOneIntent()
    {
        var ct = TestContext.Current.CancellationToken;
        var (course, _) = await ArrangeAsync("eval-concurrent", AchievementsWorld.Pilot("cloud-computing.yaml"), ct);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => World.NewJob().RunAsync(course.Course.Id, ct), ct)));

        var award = Assert.Single(await World.AwardsAsync(course.Course.Id, ct));
        Assert.Equal(1, runs.Sum(r => r.AwardsEarned));
        Assert.Equal(1, await World.CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'issue-credential' AND payload = @p", new { p = $"{{\"awardId\":{award.Id}}}" }, ct));
        Assert.Equal(3, (await World.DecisionsAsync(course.Course.Id, ct)).Count);
    }
}
