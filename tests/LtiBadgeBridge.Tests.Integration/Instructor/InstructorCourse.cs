using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Snapshots;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Lti;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Instructor;

/// <summary>
/// The real service with one synced course: ten learners whose capstone (item 30010, 100 points) scores are
/// 0, 10, ... 90 %, a 10-point quiz (30011), and an instructor. Sessions are minted the way a launch mints
/// them (the same protector), so pages are exercised exactly as inside the LMS iframe.
/// </summary>
internal sealed partial class InstructorCourse : IAsyncDisposable
{
    public const string Capstone = "30010";
    public const string Quiz = "30011";
    public const int LearnerCount = 10;

    private InstructorCourse(TestService service, long platformId, Course course, long instructorId, IReadOnlyList<long> learnerIds)
    {
        Service = service;
        PlatformId = platformId;
        Course = course;
        InstructorId = instructorId;
        LearnerIds = learnerIds;
    }

    public TestService Service { get; }

    public long PlatformId { get; }

    public Course Course { get; }

    public long InstructorId { get; }

    /// <summary>Learner person ids; learner i scored i × 10 % on the capstone.</summary>
    public IReadOnlyList<long> LearnerIds { get; }

    public Database Database => Service.Services.GetRequiredService<Database>();

    public T Get<T>()
        where T : notnull => Service.Services.GetRequiredService<T>();

    public static async Task<InstructorCourse> StartAsync(CancellationToken cancellationToken)
    {
        var service = await TestService.StartAsync(cancellationToken: cancellationToken);
        var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com", ClientId = "10000000000077", Name = "Canvas",
            ProductFamily = ProductFamilies.Canvas, AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = "https://example.instructure.com/login/oauth2/token", JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, cancellationToken);
        var courses = service.Services.GetRequiredService<CourseStore>();
        var course = await courses.UpsertFromLaunchAsync(new Course
        {
            PlatformId = platform.Id, DeploymentId = "dep-1", ContextId = "ctx-cloud", LmsCourseId = "3001", Title = "Cloud Computing",
        }, cancellationToken);
        var people = Enumerable.Range(0, LearnerCount)
            .Select(i => new Person { LtiUserId = $"learner-{i}", Name = $"Learner {i}", Email = $"learner{i}@example.edu" })
            .Append(new Person { LtiUserId = "teacher", Name = "Teacher", Email = "teacher@example.edu" }).ToList();
        var ids = await courses.UpsertPeopleAsync(platform.Id, people, cancellationToken);
        var learnerIds = Enumerable.Range(0, LearnerCount).Select(i => ids[$"learner-{i}"]).ToList();
        await courses.UpsertEnrollmentsAsync(platform.Id, [
            .. learnerIds.Select((id, i) => new Enrollment { CourseId = course.Id, PersonId = id, Roles = "Learner", FinalScore = i * 10, CurrentScore = i * 10 }),
            new Enrollment { CourseId = course.Id, PersonId = ids["teacher"], Roles = "Instructor" },
        ], cancellationToken);

        var snapshots = service.Services.GetRequiredService<SnapshotStore>();
        await using (var connection = await snapshots.Database.OpenAsync(cancellationToken))
        {
            var items = await snapshots.UpsertItemsAsync(connection, null, platform.Id, course.Id, [
                new SnapshotItem { Source = "canvas", SourceId = Capstone, Title = "Capstone workshop", PointsPossible = 100 },
                new SnapshotItem { Source = "canvas", SourceId = Quiz, Title = "Quiz 1", PointsPossible = 10 },
            ], cancellationToken);
            var capstone = items[("canvas", Capstone)];
            await snapshots.UpsertScoresAsync(connection, null, platform.Id, course.Id, [
                .. learnerIds.Select((id, i) => new ScoreRow { ItemId = capstone, PersonId = id, RawScore = i * 10, PointsPossible = 100, Percentage = i * 10, State = "graded", Attempt = 1 }),
            ], cancellationToken);
        }

        return new InstructorCourse(service, platform.Id, course, ids["teacher"], learnerIds);
    }

    /// <summary>A session token for the course, as an instructor or as a learner.</summary>
    public string Session(bool instructor = true)
    {
        var protector = Service.Services.GetRequiredService<LtiSessionProtector>();
        return protector.Protect(new LtiSession
        {
            PlatformId = PlatformId, Issuer = "https://canvas.instructure.com", ClientId = "10000000000077", DeploymentId = "dep-1",
            CourseId = Course.Id, ContextTitle = Course.Title,
            PersonId = instructor ? InstructorId : LearnerIds[0], PersonName = instructor ? "Teacher" : "Learner 0",
            Roles = instructor ? LtiRoleKind.Instructor : LtiRoleKind.Learner,
            FrameAncestors = ["https://example.instructure.com"],
            ExpiresAt = TimeProvider.System.GetUtcNow().AddHours(1),
        });
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string session)
    {
        using var client = Service.CreateClient();
        return await client.GetAsync(new Uri(WithSession(path, session), UriKind.Relative), TestContext.Current.CancellationToken);
    }

    /// <summary>Posts a form the way our pages do: <c>s</c> in the body (and in the action URL).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string session, IEnumerable<KeyValuePair<string, string>> fields, bool sessionInBody = true)
    {
        using var client = Service.CreateClient();
        var all = sessionInBody ? fields.Append(KeyValuePair.Create("s", session)) : fields;
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in all)
        {
            content.Add(new StringContent(value), key);
        }

        return await client.PostAsync(new Uri(WithSession(path, session), UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public async Task<long> InsertAwardAsync(long achievementId, long personId, string state, DateTimeOffset earnedAt)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO awards (platform_id, achievement_id, person_id, course_id, rule_version, state, earned_at)
            VALUES (@platformId, @achievementId, @personId, @courseId, 1, @state, @earnedAt) RETURNING id
            """,
            new { platformId = PlatformId, achievementId, personId, courseId = Course.Id, state, earnedAt }, cancellationToken: TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// An achievement of the course written directly (version 1), without the evaluation the store would
    /// publish: tests that arrange awards themselves must not race the evaluate-course job.
    /// </summary>
    public async Task<long> InsertAchievementAsync(string slug, string name, string definition)
    {
        var ct = TestContext.Current.CancellationToken;
        var now = TimeProvider.System.GetUtcNow();
        await using var connection = await Database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO achievements (platform_id, course_id, slug, name, created_at, updated_at) VALUES (@platformId, @courseId, @slug, @name, @now, @now) RETURNING id",
            new { platformId = PlatformId, courseId = Course.Id, slug, name, now }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO achievement_versions (achievement_id, version, platform_id, definition, content_hash, created_at) VALUES (@id, 1, @platformId, @definition, 'test', @now)",
            new { id, platformId = PlatformId, definition, now }, cancellationToken: ct));
        return id;
    }

    public async Task<string> AwardStateAsync(long awardId)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT state FROM awards WHERE id = @awardId", new { awardId }, cancellationToken: TestContext.Current.CancellationToken)) ?? "";
    }

    /// <summary>The achievement id a save/import redirected to.</summary>
    public static long RedirectedAchievementId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = AchievementPath().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();

    private static string WithSession(string path, string session) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "s=" + Uri.EscapeDataString(session);

    [GeneratedRegex(@"^/lti/instructor/achievements/(\d+)\?")]
    private static partial Regex AchievementPath();
}
