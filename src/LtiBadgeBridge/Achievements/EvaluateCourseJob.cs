using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;
using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// Evaluates every active achievement of a course for every learner, page by page, from the snapshot
/// tables. Writes each learner's decision with explained progress (only when its fingerprint changed, so
/// a second run writes nothing) and applies the award lifecycle: a newly met achievement inserts its award
/// exactly once per (platform, person, achievement) and publishes <c>issue-credential</c> in the same
/// transaction; approval-gated ones wait in <c>pending_approval</c>. Earned stays earned; revoked is never re-issued.
/// </summary>
public sealed partial class EvaluateCourseJob(
    Database database,
    CourseContextLoader loader,
    AchievementStore achievements,
    SnapshotStore snapshots,
    CompiledAchievementCache cache,
    OutboxPublisher outbox,
    TimeProvider timeProvider,
    ILogger<EvaluateCourseJob> logger)
{
    private static readonly string[] DecisionColumns = ["platform_id", "achievement_id", "person_id", "course_id", "rule_version", "outcome", "progress", "fingerprint", "evaluated_at"];

    // Microsoft.Data.Sqlite binds named parameters in time quadratic in their number per statement:
    // small statements there, larger ones on PostgreSQL where each statement is a round trip.
    private static readonly BatchWriter SqliteDecisionWriter = new("decisions", DecisionColumns, ["achievement_id", "person_id"], "evaluated_at") { ChunkSize = AwardWriter.SqliteChunkSize };
    private static readonly BatchWriter PostgresDecisionWriter = new("decisions", DecisionColumns, ["achievement_id", "person_id"], "evaluated_at") { ChunkSize = AwardWriter.PostgresChunkSize };

    private int ChunkSize => database.Provider == DatabaseProvider.Sqlite ? AwardWriter.SqliteChunkSize : AwardWriter.PostgresChunkSize;

    /// <summary>Learners per page (one transaction each).</summary>
    public int PageSize { get; init; } = 1000;

    public async Task<CourseEvaluation> RunAsync(long courseId, CancellationToken cancellationToken)
    {
        var context = await loader.LoadAsync(courseId, cancellationToken);
        if (context is null)
        {
            LogCourseMissing(logger, courseId);
            return new CourseEvaluation { CourseId = courseId };
        }

        var platformId = context.Course.PlatformId;
        var active = await achievements.ListActiveAsync(platformId, courseId, cancellationToken);
        var names = active.ToDictionary(a => a.Achievement.Slug, a => a.Achievement.Name, StringComparer.Ordinal);
        var compiled = new List<CompiledAchievement>();
        var bySlug = new Dictionary<string, ActiveAchievement>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var achievement in active)
        {
            // A course's own definition shadows an institution-wide one with the same id.
            if (bySlug.TryGetValue(achievement.Achievement.Slug, out var other) && other.Achievement.CourseId is not null)
            {
                continue;
            }

            var result = cache.GetOrCompile(achievement, context, names);
            if (result.Achievement is null)
            {
                skipped++;
                LogNotCompiled(logger, achievement.Achievement.Id, courseId, result.Errors.Count > 0 ? result.Errors[0].Code : "unknown");
                continue;
            }

            compiled.RemoveAll(c => string.Equals(c.Id, achievement.Achievement.Slug, StringComparison.Ordinal));
            compiled.Add(result.Achievement);
            bySlug[achievement.Achievement.Slug] = achievement;
        }

        var totals = new Totals();
        if (compiled.Count > 0)
        {
            var plan = new Plan(platformId, courseId, new AchievementSet(compiled), bySlug, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
            long after = 0;
            while (true)
            {
                var page = await snapshots.LoadPageAsync(courseId, after, PageSize, cancellationToken);
                if (page.People.Count == 0)
                {
                    break;
                }

                after = page.People[^1].Id;
                var learners = SnapshotMapping.ToLearners(page, context.ItemSourceIds, context.Catalogue.CourseId);
                if (learners.Count > 0)
                {
                    await EvaluatePageAsync(plan, learners, totals, cancellationToken);
                }
            }
        }

        if (totals.Published > 0)
        {
            outbox.Nudge(EvaluationKeys.IssueCredentialKind);
        }

        var evaluation = new CourseEvaluation
        {
            CourseId = courseId,
            Achievements = compiled.Count,
            SkippedAchievements = skipped,
            Learners = totals.Learners,
            DecisionsWritten = totals.Decisions,
            AwardsEarned = totals.Earned,
            AwardsPending = totals.Pending,
            ApprovalsWithdrawn = totals.Withdrawn,
        };
        LogEvaluated(logger, courseId, evaluation.Learners, evaluation.Achievements, evaluation.DecisionsWritten, evaluation.AwardsEarned, evaluation.AwardsPending);
        return evaluation;
    }

    private async Task EvaluatePageAsync(Plan plan, IReadOnlyList<(Courses.Person Person, LearnerSnapshot Snapshot)> learners, Totals totals, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var from = learners[0].Person.Id;
        var to = learners[^1].Person.Id;
        var achievementIds = plan.BySlug.Values.Select(a => a.Achievement.Id).ToArray();
        var slugById = plan.BySlug.Values.ToDictionary(a => a.Achievement.Id, a => a.Achievement.Slug);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existingAwards = new Dictionary<long, List<(long Id, string Slug, AwardState State)>>();
        foreach (var row in await connection.QueryAsync<(long Id, long AchievementId, long PersonId, string State)>(new CommandDefinition(
            $"SELECT id, achievement_id, person_id, state FROM awards WHERE platform_id = @platformId AND person_id BETWEEN @from AND @to AND achievement_id IN ({InList(achievementIds)})",
            new { platformId = plan.PlatformId, from, to }, transaction, cancellationToken: cancellationToken)))
        {
            if (!existingAwards.TryGetValue(row.PersonId, out var list))
            {
                existingAwards[row.PersonId] = list = [];
            }

            list.Add((row.Id, slugById[row.AchievementId], AwardStates.Parse(row.State)));
        }

        var fingerprints = new Dictionary<(long, long), string>();
        foreach (var row in await connection.QueryAsync<(long AchievementId, long PersonId, string Fingerprint)>(new CommandDefinition(
            // By the primary key (achievement, person): a course filter alone would scan every decision per page.
            $"SELECT achievement_id, person_id, fingerprint FROM decisions WHERE achievement_id IN ({InList(achievementIds)}) AND person_id BETWEEN @from AND @to AND course_id = @courseId",
            new { courseId = plan.CourseId, from, to }, transaction, cancellationToken: cancellationToken)))
        {
            fingerprints[(row.AchievementId, row.PersonId)] = row.Fingerprint;
        }

        var decisionRows = new List<object?[]>();
        var newAwards = new List<NewAward>();
        var promote = new List<long>();
        var withdraw = new List<long>();
        foreach (var (person, snapshot) in learners)
        {
            var awards = existingAwards.GetValueOrDefault(person.Id);
            var earned = awards is null ? EarnedAchievements.None : new EarnedAchievements(awards.Select(a => KeyValuePair.Create(a.Slug, a.State)));
            foreach (var set in plan.Set.Evaluate(snapshot, earned))
            {
                var stored = plan.BySlug[set.Decision.AchievementId];
                var achievementId = stored.Achievement.Id;
                var (progress, fingerprint) = Progress(set.Decision);
                if (!fingerprints.TryGetValue((achievementId, person.Id), out var previous) || !string.Equals(previous, fingerprint, StringComparison.Ordinal))
                {
                    decisionRows.Add([plan.PlatformId, achievementId, person.Id, plan.CourseId, stored.Version.Version, AwardStates.Outcome(set.Decision.Status), progress, fingerprint, now]);
                }

                var issues = plan.Issues(set.Decision.AchievementId);
                switch (set.Transition.Action)
                {
                    case AwardAction.CreateAwardIntent when set.PreviousState == AwardState.PendingApproval && issues:
                        promote.Add(awards!.First(a => string.Equals(a.Slug, set.Decision.AchievementId, StringComparison.Ordinal)).Id);
                        break;
                    case AwardAction.CreateAwardIntent when issues:
                        newAwards.Add(NewAward(achievementId, person.Id, stored.Version.Version, AwardStates.Earned, set.Decision));
                        break;
                    case AwardAction.RequestApproval when issues:
                        newAwards.Add(NewAward(achievementId, person.Id, stored.Version.Version, AwardStates.PendingApproval, set.Decision));
                        break;
                    case AwardAction.WithdrawApprovalRequest:
                        withdraw.Add(awards!.First(a => string.Equals(a.Slug, set.Decision.AchievementId, StringComparison.Ordinal)).Id);
                        break;
                    default:
                        break;
                }
            }
        }

        var decisions = decisionRows.Count == 0 ? 0 : await (database.Provider == DatabaseProvider.Sqlite ? SqliteDecisionWriter : PostgresDecisionWriter).WriteAsync(connection, transaction, database.Dialect, decisionRows, cancellationToken);
        var inserted = newAwards.Count == 0 ? [] : await AwardWriter.InsertAwardsAsync(connection, transaction, ChunkSize, plan.PlatformId, plan.CourseId, newAwards, now, cancellationToken);
        var issue = inserted.Where(a => string.Equals(a.State, AwardStates.Earned, StringComparison.Ordinal)).Select(a => a.Id).ToList();
        foreach (var id in promote)
        {
            // Guarded by the state: a concurrent run or an instructor's action wins, never both.
            if (await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE awards SET state = 'earned', earned_at = @now WHERE id = @id AND state = 'pending_approval'",
                new { id, now }, transaction, cancellationToken: cancellationToken)) == 1)
            {
                issue.Add(id);
            }
        }

        var withdrawn = 0;
        foreach (var id in withdraw)
        {
            withdrawn += await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM awards WHERE id = @id AND state = 'pending_approval'", new { id }, transaction, cancellationToken: cancellationToken));
        }

        var published = issue.Count == 0 ? 0 : await AwardWriter.PublishAsync(connection, transaction, ChunkSize, plan.PlatformId, EvaluationKeys.IssueCredentialKind, issue, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        totals.Learners += learners.Count;
        totals.Decisions += decisions;
        totals.Earned += issue.Count;
        totals.Pending += inserted.Count - inserted.Count(a => string.Equals(a.State, AwardStates.Earned, StringComparison.Ordinal));
        totals.Withdrawn += withdrawn;
        totals.Published += published;
    }

    private static NewAward NewAward(long achievementId, long personId, int version, string state, Decision decision) => new(
        achievementId,
        personId,
        version,
        state,
        JsonSerializer.Serialize(decision.Results, AchievementJson.Contract),
        JsonSerializer.Serialize(decision.Evidence, AchievementJson.Contract));

    /// <summary>The progress JSON of a decision and its fingerprint (the hash of what the learner would see).</summary>
    internal static (string Progress, string Fingerprint) Progress(Decision decision)
    {
        var record = new DecisionProgress
        {
            Version = decision.DefinitionVersion,
            Outcome = AwardStates.Outcome(decision.Status),
            Summary = decision.Summary,
            ShortBy = decision.ShortBy,
            Criteria = decision.Criteria,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(record, AchievementJson.Progress);
        var hash = SHA256.HashData(json);
        return (Encoding.UTF8.GetString(json), Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }

    /// <summary>An SQL list of ids (numbers only, so safe to inline; both dialects accept it).</summary>
    internal static string InList(IEnumerable<long> ids) => string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private sealed record Plan(long PlatformId, long CourseId, AchievementSet Set, IReadOnlyDictionary<string, ActiveAchievement> BySlug, DateOnly Today)
    {
        public bool Issues(string slug) => Set.Ordered.First(a => string.Equals(a.Id, slug, StringComparison.Ordinal)).IssuesOn(Today);
    }

    private sealed class Totals
    {
        public int Learners { get; set; }
        public int Decisions { get; set; }
        public int Earned { get; set; }
        public int Pending { get; set; }
        public int Withdrawn { get; set; }
        public int Published { get; set; }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Evaluate course {CourseId}: the course does not exist")]
    private static partial void LogCourseMissing(ILogger logger, long courseId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Achievement {AchievementId} does not compile against course {CourseId} ({Code}); skipped")]
    private static partial void LogNotCompiled(ILogger logger, long achievementId, long courseId, string code);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Evaluated course {CourseId}: {Learners} learners, {Achievements} achievements, {Decisions} decisions written, {Earned} earned, {Pending} pending approval")]
    private static partial void LogEvaluated(ILogger logger, long courseId, int learners, int achievements, int decisions, int earned, int pending);
}
