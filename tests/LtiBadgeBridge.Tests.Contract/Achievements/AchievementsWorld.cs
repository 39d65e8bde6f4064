using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;
using LtiBadgeBridge.Testing;
using LtiBadgeBridge.Testing.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtiBadgeBridge.Tests.Contract.Achievements;

/// <summary>
/// The services of the achievements feature over one database, and a Cloud Computing pilot course
/// (LMS course 2001, capstone assignment 20010 with rubric 20019) filled directly through the stores.
/// </summary>
internal sealed class AchievementsWorld
{
    public static readonly string[] Criteria = ["crit_architecture", "crit_implementation", "crit_documentation"];

    public AchievementsWorld(Database database)
    {
        Database = database;
        var time = TimeProvider.System;
        Courses = new CourseStore(database, time);
        Snapshots = new SnapshotStore(database, time);
        Outbox = new OutboxStore(database, time);
        Publisher = new OutboxPublisher(Outbox, Jobs);
        Audit = new AuditLog(database, time);
        Loader = new CourseContextLoader(Courses, Snapshots);
        Store = new AchievementStore(database, Loader, Courses, Publisher, Audit, time);
        Awards = new AwardService(database, Publisher, Audit, time);
        DryRun = new AchievementDryRunService(database, Loader, Store, Snapshots);
    }

    public Database Database { get; }
    public RecordingJobClient Jobs { get; } = new();
    public CourseStore Courses { get; }
    public SnapshotStore Snapshots { get; }
    public OutboxStore Outbox { get; }
    public OutboxPublisher Publisher { get; }
    public AuditLog Audit { get; }
    public CourseContextLoader Loader { get; }
    public AchievementStore Store { get; }
    public AwardService Awards { get; }
    public AchievementDryRunService DryRun { get; }
    public CompiledAchievementCache Cache { get; } = new();

    public EvaluateCourseJob NewJob() =>
        new(Database, Loader, Store, Snapshots, Cache, Publisher, TimeProvider.System, NullLogger<EvaluateCourseJob>.Instance);

    public static string Pilot(string name) => File.ReadAllText(Path.Combine(RepositoryRoot(), "config", "achievements", name));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LtiBadgeBridge.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (LtiBadgeBridge.sln) was not found.");
    }

    /// <summary>One learner's synced state in the pilot course.</summary>
    public sealed record LearnerSpec(string Sub, double? Final, string[] Levels, string? Url, string Roles = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");

    public sealed record PilotCourse(long PlatformId, Course Course, IReadOnlyDictionary<string, long> People, long CapstoneItemId);

    public async Task<PilotCourse> ArrangePilotCourseAsync(IReadOnlyList<LearnerSpec> learners, CancellationToken ct, string contextId = "cc-2001", long? platformId = null)
    {
        platformId ??= (await new PlatformStore(Database, TimeProvider.System).UpsertAsync(TestData.Canvas(), ct)).Id;
        var course = await Courses.UpsertFromLaunchAsync(new Course { PlatformId = platformId.Value, DeploymentId = "1:cc", ContextId = contextId, Title = "Cloud Computing" }, ct);
        await Courses.SetLmsCourseIdAsync(course.Id, "2001", ct);
        course = (await Courses.GetAsync(course.Id, ct))!;
        var people = await Courses.UpsertPeopleAsync(platformId.Value, learners.Select(l => new Person { LtiUserId = l.Sub, LmsUserId = l.Sub }).ToList(), ct);
        await Courses.UpsertEnrollmentsAsync(platformId.Value, learners.Select(l => new Enrollment { CourseId = course.Id, PersonId = people[l.Sub], Roles = l.Roles, FinalScore = l.Final, CurrentScore = l.Final }).ToList(), ct);

        var levels = new[] { ("r1", "Beginning", 1d), ("r2", "Developing", 2d), ("r3", "Proficient", 3d), ("r4", "Exemplary", 4d) };
        var rubric = new Rubric
        {
            Id = "20019",
            Title = "Capstone workshop rubric",
            Criteria = [.. Criteria.Select(c => new RubricCriterion { Id = c, Description = c, Levels = [.. levels.Select(l => new RubricLevel { Id = l.Item1, Name = l.Item2, Points = l.Item3 })] })],
        };
        await using var connection = await Database.OpenAsync(ct);
        var items = await Snapshots.UpsertItemsAsync(connection, null, platformId.Value, course.Id,
        [
            new SnapshotItem { Source = "canvas", SourceId = "20010", Title = "Capstone workshop", PointsPossible = 100, Details = """{"rubricId":"20019","gradedAsGroup":false}""" },
            new SnapshotItem { Source = "canvas", SourceId = "20001", Title = "Week 1 quiz", Kind = "quiz", PointsPossible = 10 },
        ], ct);
        await Snapshots.UpsertCatalogueAsync(connection, null, platformId.Value, course.Id,
            [new CatalogueEntry { Kind = "rubric", SourceId = "20019", Title = "Capstone workshop rubric", Details = JsonSerializer.Serialize(rubric, JsonSerializerOptions.Web) }], ct);
        var capstone = items[("canvas", "20010")];
        var rubricRows = new List<RubricResultRow>();
        var artifacts = new List<ArtifactRow>();
        var scores = new List<ScoreRow>();
        foreach (var learner in learners)
        {
            var person = people[learner.Sub];
            scores.Add(new ScoreRow { ItemId = capstone, PersonId = person, RawScore = learner.Final, PointsPossible = 100, Percentage = learner.Final, State = learner.Final is null ? "ungraded" : "graded", Attempt = 1 });
            for (var i = 0; i < learner.Levels.Length; i++)
            {
                var level = levels.First(l => l.Item2 == learner.Levels[i]);
                rubricRows.Add(new RubricResultRow { ItemId = capstone, PersonId = person, CriterionId = Criteria[i], LevelId = level.Item1, LevelName = level.Item2, Points = level.Item3 });
            }

            if (learner.Url is not null)
            {
                artifacts.Add(new ArtifactRow { ItemId = capstone, PersonId = person, ArtifactKey = "attempt:1:url", Kind = "url", Url = learner.Url, Attempt = 1 });
            }
        }

        await Snapshots.UpsertScoresAsync(connection, null, platformId.Value, course.Id, scores, ct);
        await Snapshots.UpsertRubricResultsAsync(connection, null, platformId.Value, course.Id, rubricRows, ct);
        await Snapshots.UpsertArtifactsAsync(connection, null, platformId.Value, course.Id, artifacts, ct);
        return new PilotCourse(platformId.Value, course, people, capstone);
    }

    public static readonly string[] Proficient = ["Proficient", "Exemplary", "Proficient"];

    /// <summary>Met, grade too low, rubric and evidence short, and an instructor who must not be evaluated.</summary>
    public static IReadOnlyList<LearnerSpec> PilotLearners { get; } =
    [
        new("learner-met", 85, Proficient, "https://github.com/ada/cloud-capstone"),
        new("learner-low-grade", 64, Proficient, "https://gitlab.com/bob/capstone"),
        new("learner-short", 90, ["Proficient", "Developing", "Exemplary"], null),
        new("teacher", 100, Proficient, "https://github.com/teacher/x", "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"),
    ];

    public async Task<int> CountAsync(string sql, object? parameters, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Award>> AwardsAsync(long courseId, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(ct);
        return (await connection.QueryAsync<Award>(new CommandDefinition(
            "SELECT id, platform_id, achievement_id, person_id, course_id, rule_version, state, result, evidence, earned_at, approved_by, approved_at, revoked_by, revoked_at, revoked_reason FROM awards WHERE course_id = @courseId ORDER BY id",
            new { courseId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<(long PersonId, long AchievementId, string Outcome, string Progress)>> DecisionsAsync(long courseId, CancellationToken ct)
    {
        await using var connection = await Database.OpenAsync(ct);
        return (await connection.QueryAsync<(long, long, string, string)>(new CommandDefinition(
            "SELECT person_id, achievement_id, outcome, progress FROM decisions WHERE course_id = @courseId ORDER BY person_id, achievement_id",
            new { courseId }, cancellationToken: ct))).AsList();
    }
}
