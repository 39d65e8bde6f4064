using System.Data.Common;
using System.Text.Json;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Sync.Canvas;

/// <summary>
/// Syncs one Canvas course over the REST API, phase by phase from the checkpoint: course (deleted or
/// concluded), roster with course totals (enrollments: current and final score), items (assignments and
/// their rubrics), submissions (course-wide, with history, rubric assessments and attachments;
/// incremental since the last success: submitted, then graded), outcome results.
/// </summary>
internal sealed class CanvasCourseSync(CourseStore courses, SnapshotStore snapshots, SyncPager pager, NrpsRosterReader nrps, PersonAdoption adoption)
{
    private const string Kind = "canvas";

    public async Task<PlatformError?> RunAsync(SyncContext context, CanvasSession session, long canvasCourseId, CancellationToken cancellationToken)
    {
        if (context.IsAt(SyncPhases.Course))
        {
            var course = await session.CallAsync(c => c.GetCourseAsync(canvasCourseId, cancellationToken), cancellationToken);
            if (!course.IsSuccess)
            {
                return course.Error;
            }

            var state = course.Value.IsConcluded ? CourseStates.Concluded : CourseStates.Active;
            if (!string.Equals(state, context.Course.LmsState, StringComparison.Ordinal))
            {
                await courses.SetLmsStateAsync(context.CourseId, state, cancellationToken);
            }

            await pager.SkipAsync(context, SyncPhases.Course, SyncPhases.Roster, cancellationToken);
        }

        var error = await pager.RunAsync<CanvasEnrollment>(context, SyncPhases.Roster, SyncPhases.Items,
            (cursor, ct) => session.CallAsync(c => c.GetStudentEnrollmentsAsync(canvasCourseId, cursor, ct), ct),
            WriteRosterAsync(context), cancellationToken);
        if (error is not null)
        {
            return error;
        }

        error = await pager.RunAsync<CanvasAssignment>(context, SyncPhases.Items, SyncPhases.Submissions,
            (cursor, ct) => session.CallAsync(c => c.GetAssignmentsAsync(canvasCourseId, cursor, ct), ct),
            WriteItemsAsync(context), cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var lookups = new Lazy<Task<Lookups>>(() => LoadLookupsAsync(context, cancellationToken));
        var since = context.Checkpoint.Since;
        error = await pager.RunAsync<CanvasSubmission>(context, SyncPhases.Submissions, SyncPhases.GradedSubmissions,
            (cursor, ct) => session.CallAsync(c => c.GetCourseSubmissionsAsync(
                canvasCourseId, cursor, since is { } s ? new CanvasSubmissionFilter { Since = s, Change = CanvasSubmissionChange.Submitted } : null, ct), ct),
            WriteSubmissionsAsync(context, lookups), cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (since is { } gradedSince)
        {
            error = await pager.RunAsync<CanvasSubmission>(context, SyncPhases.GradedSubmissions, SyncPhases.Outcomes,
                (cursor, ct) => session.CallAsync(c => c.GetCourseSubmissionsAsync(
                    canvasCourseId, cursor, new CanvasSubmissionFilter { Since = gradedSince, Change = CanvasSubmissionChange.Graded }, ct), ct),
                WriteSubmissionsAsync(context, lookups), cancellationToken);
            if (error is not null)
            {
                return error;
            }
        }
        else
        {
            await pager.SkipAsync(context, SyncPhases.GradedSubmissions, SyncPhases.Outcomes, cancellationToken);
        }

        error = await pager.RunAsync<CanvasOutcomeResultsPage>(context, SyncPhases.Outcomes, SyncPhases.Done,
            async (cursor, ct) =>
            {
                var page = await session.CallAsync(c => c.GetOutcomeResultsAsync(canvasCourseId, cursor, ct), ct);
                return page.Map(p => new Page<CanvasOutcomeResultsPage> { Items = [p], Next = p.Next, PageNumber = p.PageNumber });
            },
            WriteOutcomesAsync(context, lookups), cancellationToken);
        return error;
    }

    /// <summary>
    /// The REST enrollments are the Canvas roster (they carry the Canvas user ids the gradebook speaks and
    /// the course totals). A learner no launch has introduced becomes a placeholder <c>lms:canvas:{id}</c>,
    /// unless NRPS names them: an NRPS member whose <c>lis_person_sourcedid</c> is the enrollment's SIS id
    /// gives the real <c>sub</c>, and any earlier placeholder of that user is adopted.
    /// </summary>
    private SyncPager.PageWriter<CanvasEnrollment> WriteRosterAsync(SyncContext context)
    {
        Dictionary<string, (long PersonId, string LtiUserId)>? cache = null;
        Dictionary<string, Lti.Services.Membership>? bySourcedId = null;
        return async (enrollments, cancellationToken) =>
    {
        var known = cache ??= await SyncPeople.ByLmsUserIdAsync(snapshots.Database, context.PlatformId, cancellationToken);
        bySourcedId ??= await NrpsBySourcedIdAsync(context, cancellationToken);
        var people = new List<Person>(enrollments.Count);
        var revealed = new List<Person>();
        foreach (var enrollment in enrollments.DistinctBy(e => e.UserId))
        {
            var lmsUserId = SyncPeople.Key(enrollment.UserId);
            var found = known.TryGetValue(lmsUserId, out var f) ? f : default;
            Person person;
            if (found.LtiUserId is { } real && !SyncPeople.IsProvisional(real))
            {
                person = new Person { LtiUserId = real, LmsUserId = lmsUserId, Name = enrollment.User?.Name };
            }
            else if (enrollment.User?.SisUserId is { Length: > 0 } sis && bySourcedId.TryGetValue(sis, out var member))
            {
                person = new Person { LtiUserId = member.UserId, LmsUserId = lmsUserId, Name = member.Name ?? enrollment.User?.Name, Email = member.Email };
                revealed.Add(person);
            }
            else
            {
                person = new Person { LtiUserId = found.LtiUserId ?? SyncPeople.ProvisionalLtiUserId(Kind, lmsUserId), LmsUserId = lmsUserId, Name = enrollment.User?.Name };
            }

            people.Add(person);
        }

        var ids = await courses.UpsertPeopleAsync(context.PlatformId, people, cancellationToken);
        if (revealed.Count > 0)
        {
            await adoption.AdoptAsync(context.PlatformId, revealed.Select(p => (ids[p.LtiUserId], p.LmsUserId!)).ToList(), context.CourseId, cancellationToken);
        }

        foreach (var person in people)
        {
            known[person.LmsUserId!] = (ids[person.LtiUserId], person.LtiUserId);
        }

        var rows = enrollments.DistinctBy(e => e.UserId).Zip(people, (e, p) => new Enrollment
        {
            CourseId = context.CourseId,
            PersonId = ids[p.LtiUserId],
            Roles = "Learner",
            Status = e.EnrollmentState is "active" or null ? "active" : "inactive",
            CurrentScore = (double?)e.Grades?.CurrentScore,
            FinalScore = (double?)e.Grades?.FinalScore,
        }).ToList();
        context.ChangedRows += await courses.UpsertEnrollmentsAsync(context.PlatformId, rows, cancellationToken);
        return static (_, _, _) => Task.FromResult(0);
    };
    }

    /// <summary>NRPS learners by <c>lis_person_sourcedid</c> (empty without NRPS; a failure is the run's warning).</summary>
    private async Task<Dictionary<string, Lti.Services.Membership>> NrpsBySourcedIdAsync(SyncContext context, CancellationToken cancellationToken)
    {
        var members = await nrps.ReadLearnersAsync(context.Course, cancellationToken);
        if (members is { IsSuccess: false })
        {
            context.Warn(members.Error);
        }

        return members is { IsSuccess: true }
            ? members.Value.Where(m => !string.IsNullOrEmpty(m.LisPersonSourcedId)).DistinctBy(m => m.LisPersonSourcedId, StringComparer.Ordinal)
                .ToDictionary(m => m.LisPersonSourcedId!, StringComparer.Ordinal)
            : [];
    }

    private SyncPager.PageWriter<CanvasAssignment> WriteItemsAsync(SyncContext context) => (assignments, _) =>
        Task.FromResult<Func<DbConnection, DbTransaction, CancellationToken, Task<int>>>(async (connection, transaction, cancellationToken) =>
        {
            var items = assignments.Select(CanvasRows.Item).ToList();
            await snapshots.UpsertItemsAsync(connection, transaction, context.PlatformId, context.CourseId, items, cancellationToken);
            var rubrics = assignments.Select(CanvasRows.Rubric).OfType<Rubric>()
                .Select(r => new CatalogueEntry { Kind = "rubric", SourceId = r.Id, Title = r.Title ?? r.Id, Details = SnapshotJson.Serialize(r) })
                .ToList();
            return await snapshots.UpsertCatalogueAsync(connection, transaction, context.PlatformId, context.CourseId, rubrics, cancellationToken);
        });

    private SyncPager.PageWriter<CanvasSubmission> WriteSubmissionsAsync(SyncContext context, Lazy<Task<Lookups>> lookups) => async (submissions, _) =>
    {
        var l = await lookups.Value;
        var scores = new List<ScoreRow>(submissions.Count);
        var artifacts = new List<ArtifactRow>();
        var rubricResults = new List<RubricResultRow>();
        foreach (var submission in submissions)
        {
            if (!l.Items.TryGetValue(CanvasRows.Id(submission.AssignmentId), out var item) ||
                !l.People.TryGetValue(SyncPeople.Key(submission.UserId), out var person))
            {
                continue; // an assignment or a user (test student, teacher) outside the synced roster
            }

            scores.Add(CanvasRows.Score(submission, item.Id, person.PersonId, item.PointsPossible));
            artifacts.AddRange(CanvasRows.Artifacts(submission, item.Id, person.PersonId));
            l.Rubrics.TryGetValue(CanvasRows.RubricId(submission.AssignmentId), out var rubric);
            rubricResults.AddRange(CanvasRows.RubricResults(submission, item.Id, person.PersonId, rubric));
        }

        return async (connection, transaction, cancellationToken) =>
            await snapshots.UpsertScoresAsync(connection, transaction, context.PlatformId, context.CourseId, scores, cancellationToken) +
            await snapshots.UpsertArtifactsAsync(connection, transaction, context.PlatformId, context.CourseId, artifacts, cancellationToken) +
            await snapshots.UpsertRubricResultsAsync(connection, transaction, context.PlatformId, context.CourseId, rubricResults, cancellationToken);
    };

    private SyncPager.PageWriter<CanvasOutcomeResultsPage> WriteOutcomesAsync(SyncContext context, Lazy<Task<Lookups>> lookups) => async (pages, _) =>
    {
        var l = await lookups.Value;
        var outcomes = pages.SelectMany(p => p.Outcomes).DistinctBy(o => o.Id)
            .Select(o => CanvasRows.Outcome(o))
            .Select(o => new CatalogueEntry { Kind = "outcome", SourceId = o.Id, Title = o.Name ?? o.Id, Details = SnapshotJson.Serialize(o) })
            .ToList();
        var mastery = pages.SelectMany(p => p.Outcomes).DistinctBy(o => o.Id).ToDictionary(o => o.Id, o => o.MasteryPoints);
        var results = new Dictionary<(long, string), OutcomeResultRow>();
        foreach (var result in pages.SelectMany(p => p.Results))
        {
            if (result.Links.User is not { } user || result.Links.LearningOutcome is not { } outcomeId ||
                !l.People.TryGetValue(user, out var person))
            {
                continue;
            }

            var row = new OutcomeResultRow
            {
                PersonId = person.PersonId,
                OutcomeId = outcomeId,
                Score = (double?)result.Score,
                Mastered = result.Mastery ?? (long.TryParse(outcomeId, out var oid) && mastery.GetValueOrDefault(oid) is { } m && result.Score is { } s ? s >= m : null),
                AssessedAt = result.SubmittedOrAssessedAt,
            };

            // Several alignments of one outcome: keep the latest assessment.
            if (!results.TryGetValue((person.PersonId, outcomeId), out var seen) || (row.AssessedAt ?? default) > (seen.AssessedAt ?? default))
            {
                results[(person.PersonId, outcomeId)] = row;
            }
        }

        var rows = results.Values.ToList();
        return async (connection, transaction, cancellationToken) =>
            await snapshots.UpsertCatalogueAsync(connection, transaction, context.PlatformId, context.CourseId, outcomes, cancellationToken) +
            await snapshots.UpsertOutcomeResultsAsync(connection, transaction, context.PlatformId, context.CourseId, rows, cancellationToken);
    };

    private async Task<Lookups> LoadLookupsAsync(SyncContext context, CancellationToken cancellationToken)
    {
        var people = await SyncPeople.ByLmsUserIdAsync(snapshots.Database, context.PlatformId, cancellationToken);
        var items = (await snapshots.ListItemsAsync(context.CourseId, cancellationToken))
            .Where(i => i.Source == CanvasRows.Source)
            .ToDictionary(i => i.SourceId, i => i, StringComparer.Ordinal);
        var rubrics = (await snapshots.ListCatalogueAsync(context.CourseId, cancellationToken))
            .Where(e => e.Kind == "rubric" && e.Details is not null)
            .Select(e => JsonSerializer.Deserialize<Rubric>(e.Details!, SnapshotJson.Options)!)
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new Lookups(people, items, rubrics);
    }

    private sealed record Lookups(
        Dictionary<string, (long PersonId, string LtiUserId)> People,
        Dictionary<string, SnapshotItem> Items,
        Dictionary<string, Rubric> Rubrics);
}
