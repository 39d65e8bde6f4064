using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Courses;

/// <summary>Courses, people and enrollments. Every query is scoped by platform or by course.</summary>
public sealed class CourseStore(Database database, TimeProvider timeProvider)
{
    private const string CourseColumns = """
        id, platform_id, deployment_id, context_id, lms_course_id, title, label, ags_lineitems_url, nrps_memberships_url,
        sync_enabled, sync_interval_minutes, lms_state, created_at, updated_at
        """;

    private static readonly BatchWriter PeopleWriter = new(
        "people",
        ["platform_id", "lti_user_id", "lms_user_id", "name", "email", "created_at", "updated_at"],
        ["platform_id", "lti_user_id"],
        "updated_at")
    {
        // A roster source that does not share names or emails (or the LMS user id) never erases what another told us.
        KeepWhenNull = ["lms_user_id", "name", "email"],
    };

    private static readonly BatchWriter EnrollmentWriter = new(
        "enrollments",
        ["platform_id", "course_id", "person_id", "roles", "status", "current_score", "final_score", "updated_at"],
        ["course_id", "person_id"],
        "updated_at");

    /// <summary>A launch knows the person's roles, not their grades: it must not blank the scores sync wrote.</summary>
    private static readonly BatchWriter LaunchEnrollmentWriter = new(
        "enrollments",
        ["platform_id", "course_id", "person_id", "roles", "updated_at"],
        ["course_id", "person_id"],
        "updated_at");

    /// <summary>Binds a course on launch: creates it, or refreshes what the launch says about it.</summary>
    public async Task<Course> UpsertFromLaunchAsync(Course course, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);

        // Most launches repeat what the course row already says; reading first keeps them off the write lock.
        var known = await connection.QuerySingleOrDefaultAsync<Course>(new CommandDefinition(
            $"SELECT {CourseColumns} FROM courses WHERE platform_id = @PlatformId AND context_id = @ContextId",
            new { course.PlatformId, course.ContextId },
            cancellationToken: cancellationToken));
        if (known is not null && LaunchChangesNothing(known, course))
        {
            return known;
        }

        return await connection.QuerySingleAsync<Course>(new CommandDefinition(
            $"""
            INSERT INTO courses (platform_id, deployment_id, context_id, lms_course_id, title, label, ags_lineitems_url, nrps_memberships_url, created_at, updated_at)
            VALUES (@PlatformId, @DeploymentId, @ContextId, @LmsCourseId, @Title, @Label, @AgsLineitemsUrl, @NrpsMembershipsUrl, @now, @now)
            ON CONFLICT (platform_id, context_id) DO UPDATE SET
                deployment_id = excluded.deployment_id,
                lms_course_id = COALESCE(excluded.lms_course_id, courses.lms_course_id),
                title = excluded.title, label = excluded.label,
                ags_lineitems_url = COALESCE(excluded.ags_lineitems_url, courses.ags_lineitems_url),
                nrps_memberships_url = COALESCE(excluded.nrps_memberships_url, courses.nrps_memberships_url),
                updated_at = excluded.updated_at
            RETURNING {CourseColumns}
            """,
            new { course.PlatformId, course.DeploymentId, course.ContextId, course.LmsCourseId, course.Title, course.Label, course.AgsLineitemsUrl, course.NrpsMembershipsUrl, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>True when the upsert below would leave <paramref name="known"/> as it is (its timestamp aside).</summary>
    private static bool LaunchChangesNothing(Course known, Course launched) =>
        string.Equals(known.DeploymentId, launched.DeploymentId, StringComparison.Ordinal)
        && string.Equals(known.Title, launched.Title, StringComparison.Ordinal)
        && string.Equals(known.Label, launched.Label, StringComparison.Ordinal)
        && (launched.LmsCourseId is null || string.Equals(known.LmsCourseId, launched.LmsCourseId, StringComparison.Ordinal))
        && (launched.AgsLineitemsUrl is null || string.Equals(known.AgsLineitemsUrl, launched.AgsLineitemsUrl, StringComparison.Ordinal))
        && (launched.NrpsMembershipsUrl is null || string.Equals(known.NrpsMembershipsUrl, launched.NrpsMembershipsUrl, StringComparison.Ordinal));

    public async Task<Course?> GetAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Course>(new CommandDefinition(
            $"SELECT {CourseColumns} FROM courses WHERE id = @courseId", new { courseId }, cancellationToken: cancellationToken));
    }

    public async Task<Course?> FindAsync(long platformId, string contextId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Course>(new CommandDefinition(
            $"SELECT {CourseColumns} FROM courses WHERE platform_id = @platformId AND context_id = @contextId",
            new { platformId, contextId },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Course>> ListAsync(long? platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = platformId is null ? "" : "WHERE platform_id = @platformId";
        return (await connection.QueryAsync<Course>(new CommandDefinition(
            $"SELECT {CourseColumns} FROM courses {where} ORDER BY id", new { platformId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task SetLmsStateAsync(long courseId, string lmsState, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE courses SET lms_state = @lmsState, updated_at = @now WHERE id = @courseId",
            new { courseId, lmsState, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    public async Task SetLmsCourseIdAsync(long courseId, string lmsCourseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE courses SET lms_course_id = @lmsCourseId, updated_at = @now WHERE id = @courseId",
            new { courseId, lmsCourseId, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Creates or refreshes people in bulk and returns their ids by LTI user id.</summary>
    public async Task<IReadOnlyDictionary<string, long>> UpsertPeopleAsync(long platformId, IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = people.Select(p => new object?[] { platformId, p.LtiUserId, p.LmsUserId, p.Name, p.Email, now, now }).ToList();
        await PeopleWriter.WriteAsync(connection, transaction, database.Dialect, rows, cancellationToken);
        var ids = await PersonIdsAsync(connection, transaction, platformId, people.Select(p => p.LtiUserId).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>
    /// Records the person a launch names and returns their id. A repeat launch that says nothing new is only a
    /// read (on SQLite one writer at a time, so launches stay off the write lock); otherwise as
    /// <see cref="UpsertPeopleAsync"/> (null name, email or LMS user id never erase what is known).
    /// </summary>
    public async Task<long> UpsertLaunchPersonAsync(long platformId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var known = await connection.QuerySingleOrDefaultAsync<Person>(new CommandDefinition(
                "SELECT id, platform_id, lti_user_id, lms_user_id, name, email FROM people WHERE platform_id = @platformId AND lti_user_id = @LtiUserId",
                new { platformId, person.LtiUserId },
                cancellationToken: cancellationToken));
            if (known is not null && Same(known.LmsUserId, person.LmsUserId) && Same(known.Name, person.Name) && Same(known.Email, person.Email))
            {
                return known.Id;
            }
        }

        return (await UpsertPeopleAsync(platformId, [person], cancellationToken))[person.LtiUserId];

        static bool Same(string? known, string? launched) => launched is null || string.Equals(known, launched, StringComparison.Ordinal);
    }

    /// <summary>Creates or refreshes enrollments in bulk; returns how many rows were new or changed.</summary>
    public async Task<int> UpsertEnrollmentsAsync(long platformId, IReadOnlyList<Enrollment> enrollments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollments);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = enrollments.Select(e => new object?[] { platformId, e.CourseId, e.PersonId, e.Roles, e.Status, e.CurrentScore, e.FinalScore, now }).ToList();
        var changed = await EnrollmentWriter.WriteAsync(connection, transaction, database.Dialect, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Records an enrollment from a launch: creates it, or refreshes only its roles (scores and status stay as sync wrote them).</summary>
    public async Task UpsertLaunchEnrollmentAsync(long platformId, long courseId, long personId, string roles, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var known = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT roles FROM enrollments WHERE course_id = @courseId AND person_id = @personId",
            new { courseId, personId },
            cancellationToken: cancellationToken));
        if (string.Equals(known, roles, StringComparison.Ordinal))
        {
            return; // A repeat launch with the same roles: nothing to write.
        }

        await LaunchEnrollmentWriter.WriteAsync(connection, null, database.Dialect, [[platformId, courseId, personId, roles, now]], cancellationToken);
    }

    public async Task<Person?> FindPersonAsync(long platformId, string ltiUserId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Person>(new CommandDefinition(
            "SELECT id, platform_id, lti_user_id, lms_user_id, name, email FROM people WHERE platform_id = @platformId AND lti_user_id = @ltiUserId",
            new { platformId, ltiUserId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The course's members with their enrollment, ordered by person id.</summary>
    public async Task<IReadOnlyList<(Person Person, Enrollment Enrollment)>> ListMembersAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Person, Enrollment, (Person, Enrollment)>(new CommandDefinition(
            """
            SELECT p.id, p.platform_id, p.lti_user_id, p.lms_user_id, p.name, p.email,
                   e.course_id AS split, e.course_id, e.person_id, e.roles, e.status, e.current_score, e.final_score
            FROM enrollments e JOIN people p ON p.id = e.person_id
            WHERE e.course_id = @courseId ORDER BY p.id
            """,
            new { courseId },
            cancellationToken: cancellationToken),
            (person, enrollment) => (person, enrollment),
            splitOn: "split");
        return rows.AsList();
    }

    private static async Task<IReadOnlyDictionary<string, long>> PersonIdsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long platformId, IReadOnlyList<string> ltiUserIds, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in ltiUserIds.Chunk(500))
        {
            var placeholders = string.Join(", ", chunk.Select((_, i) => $"@u{i}"));
            var parameters = new DynamicParameters();
            parameters.Add("platformId", platformId);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"u{i}", chunk[i]);
            }

            foreach (var (id, lti) in await connection.QueryAsync<(long, string)>(new CommandDefinition(
                $"SELECT id, lti_user_id FROM people WHERE platform_id = @platformId AND lti_user_id IN ({placeholders})",
                parameters,
                transaction,
                cancellationToken: cancellationToken)))
            {
                ids[lti] = id;
            }
        }

        return ids;
    }
}
