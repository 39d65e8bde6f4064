using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Sync.Moodle;

/// <summary>
/// Syncs one Moodle course over web services, step by step from the checkpoint: roster (enrolled users,
/// 100 per step; Moodle's LTI <c>sub</c> is its user id), items (assignments, with
/// <c>includenotenrolledcourses=1</c>, and their active rubric definitions), submissions, grades and the rubric
/// levels given (one assignment per step), competency ratings (<see cref="MoodleCompetencySync"/>), course
/// totals (grade items per learner, <c>graderaw</c> of the course item; 25 learners per step). A refused
/// optional part (rubric levels, competencies) is reported as the run's warning and skipped. Moodle's errors inside 200 bodies arrive as typed errors from the client.
/// </summary>
internal sealed class MoodleCourseSync(CourseStore courses, SnapshotStore snapshots, SyncPager pager, MoodleCompetencySync competencies, NrpsRosterReader nrps)
{
    public const string Source = "moodle";
    private const int UsersPerStep = 100;
    private const int TotalsPerStep = 25;
    private const int TextExcerptLength = 1000;

    public async Task<PlatformError?> RunAsync(SyncContext context, IMoodleClient client, long moodleCourseId, CancellationToken cancellationToken)
    {
        await pager.SkipAsync(context, SyncPhases.Course, SyncPhases.Roster, cancellationToken);

        // NRPS is the roster when the launch offered it (Moodle's sub is its user id); otherwise, or when it fails, web services.
        if (context.IsAt(SyncPhases.Roster) && context.Checkpoint.NextIndex == 0 &&
            await nrps.ReadLearnersAsync(context.Course, cancellationToken) is { } members)
        {
            if (members.IsSuccess)
            {
                var fromNrps = members.Value.Select(m => new MoodleEnrolledUser
                {
                    Id = long.TryParse(m.UserId, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0,
                    FullName = m.Name ?? string.Join(' ', new[] { m.GivenName, m.FamilyName }.Where(n => !string.IsNullOrEmpty(n))),
                    Email = m.Email,
                    Active = NrpsRosterReader.EnrollmentStatus(m) == "active",
                }).Where(u => u.Id > 0).ToList();
                await pager.RunStepsAsync<MoodleEnrolledUser>(context, SyncPhases.Roster, SyncPhases.Items,
                    (_, _) => Task.FromResult(PlatformResult.Success<(IReadOnlyList<MoodleEnrolledUser>, int?)>((fromNrps, null))),
                    WriteRosterAsync(context), cancellationToken);
            }
            else
            {
                context.Warn(members.Error);
            }
        }

        var error = await pager.RunStepsAsync<MoodleEnrolledUser>(context, SyncPhases.Roster, SyncPhases.Items,
            async (index, ct) =>
            {
                var users = await client.GetEnrolledUsersAsync(moodleCourseId, index, UsersPerStep, ct);
                return users.Map(u => ((IReadOnlyList<MoodleEnrolledUser>)u, u.Count < UsersPerStep ? (int?)null : index + u.Count));
            },
            WriteRosterAsync(context), cancellationToken);
        if (error is not null)
        {
            return error;
        }

        error = await pager.RunStepsAsync<(MoodleAssignment Assignment, MoodleGradingDefinition? Rubric)>(context, SyncPhases.Items, SyncPhases.Submissions,
            async (_, ct) =>
            {
                var result = await client.GetAssignmentsAsync([moodleCourseId], ct);
                if (!result.IsSuccess)
                {
                    return result.Error;
                }

                var assignments = result.Value.Courses.Where(c => c.Id == moodleCourseId).SelectMany(c => c.Assignments).ToList();
                var rubrics = new Dictionary<long, MoodleGradingDefinition>();
                if (assignments.Count > 0)
                {
                    var definitions = await client.GetGradingDefinitionsAsync(assignments.Select(a => a.Cmid).ToList(), ct);
                    if (definitions.IsSuccess)
                    {
                        rubrics = MoodleRows.RubricsByCmid(definitions.Value);
                    }
                    else if (MoodleRows.IsOptionalRefusal(definitions.Error))
                    {
                        context.Warn(definitions.Error);
                    }
                    else
                    {
                        return definitions.Error;
                    }
                }

                IReadOnlyList<(MoodleAssignment, MoodleGradingDefinition?)> rows = assignments.Select(a => (a, rubrics.GetValueOrDefault(a.Cmid))).ToList();
                return PlatformResult.Success<(IReadOnlyList<(MoodleAssignment, MoodleGradingDefinition?)>, int?)>((rows, null));
            },
            WriteItemsAsync(context), cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var items = new Lazy<Task<List<SnapshotItem>>>(async () =>
            (await snapshots.ListItemsAsync(context.CourseId, cancellationToken)).Where(i => i.Source == Source).OrderBy(i => i.Id).ToList());
        var people = new Lazy<Task<Dictionary<string, (long PersonId, string LtiUserId)>>>(() =>
            SyncPeople.ByLmsUserIdAsync(snapshots.Database, context.PlatformId, cancellationToken));
        var rubrics = new Lazy<Task<Dictionary<string, Rubric>>>(async () =>
            (await snapshots.ListCatalogueAsync(context.CourseId, cancellationToken))
                .Where(e => e.Kind == "rubric" && e.Details is not null)
                .Select(e => JsonSerializer.Deserialize<Rubric>(e.Details!, SnapshotJson.Options)!)
                .ToDictionary(r => r.Id, StringComparer.Ordinal));
        var readRubricLevels = true;
        // Submissions and grades are read whole per assignment: with `since` each list drops the rows that
        // did not change on its own side, and a score row needs both. Per-assignment reads stay cheap.
        DateTimeOffset? since = null;

        error = await pager.RunStepsAsync<AssignmentWork>(context, SyncPhases.Submissions, SyncPhases.Outcomes,
            async (index, ct) =>
            {
                var list = await items.Value;
                if (index >= list.Count)
                {
                    return PlatformResult.Success<(IReadOnlyList<AssignmentWork>, int?)>(([], null));
                }

                var item = list[index];
                var id = long.Parse(item.SourceId, CultureInfo.InvariantCulture);
                var submissions = await client.GetSubmissionsAsync([id], since, ct);
                if (!submissions.IsSuccess)
                {
                    return submissions.Error;
                }

                var grades = await client.GetGradesAsync([id], since, ct);
                if (!grades.IsSuccess)
                {
                    return grades.Error;
                }

                IReadOnlyList<MoodleGradingInstance> instances = [];
                if (readRubricLevels && MoodleRows.DefinitionIdOf(item) is { } definitionId)
                {
                    var filled = await client.GetGradingInstancesAsync(definitionId, since, ct);
                    if (filled.IsSuccess)
                    {
                        instances = filled.Value.Instances;
                    }
                    else if (MoodleRows.IsOptionalRefusal(filled.Error))
                    {
                        context.Warn(filled.Error);
                        readRubricLevels = false; // one refusal is enough: the rest of the run reads no rubric levels
                    }
                    else
                    {
                        return filled.Error;
                    }
                }

                var work = new AssignmentWork(item,
                    submissions.Value.Assignments.SelectMany(a => a.Submissions).ToList(),
                    grades.Value.Assignments.SelectMany(a => a.Grades).ToList(),
                    instances);
                return PlatformResult.Success<(IReadOnlyList<AssignmentWork>, int?)>(([work], index + 1 < list.Count ? index + 1 : null));
            },
            WriteWorkAsync(context, people, rubrics), cancellationToken);
        if (error is not null)
        {
            return error;
        }

        error = await competencies.RunAsync(context, client, moodleCourseId, people, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return await pager.RunStepsAsync<(long PersonId, MoodleUserGrades? Grades)>(context, SyncPhases.Totals, SyncPhases.Done,
            async (index, ct) =>
            {
                var map = await people.Value;
                var members = (await courses.ListMembersAsync(context.CourseId, ct))
                    .Where(m => m.Person.LmsUserId is not null && map.ContainsKey(m.Person.LmsUserId))
                    .ToList();
                var block = members.Skip(index).Take(TotalsPerStep).ToList();
                var rows = new List<(long, MoodleUserGrades?)>(block.Count);
                foreach (var (person, _) in block)
                {
                    var grades = await client.GetGradeItemsAsync(moodleCourseId, long.Parse(person.LmsUserId!, CultureInfo.InvariantCulture), ct);
                    if (!grades.IsSuccess)
                    {
                        return grades.Error;
                    }

                    rows.Add((person.Id, grades.Value));
                }

                var next = index + block.Count;
                return PlatformResult.Success<(IReadOnlyList<(long, MoodleUserGrades?)>, int?)>((rows, next < members.Count ? next : null));
            },
            async (rows, ct) =>
            {
                var members = (await courses.ListMembersAsync(context.CourseId, ct)).ToDictionary(m => m.Person.Id, m => m.Enrollment);
                var enrollments = rows.Where(r => members.ContainsKey(r.PersonId)).Select(r =>
                {
                    var total = r.Grades?.CourseTotal;
                    var percentage = (double?)total?.Percentage;
                    return members[r.PersonId] with { CurrentScore = percentage, FinalScore = percentage };
                }).ToList();
                context.ChangedRows += await courses.UpsertEnrollmentsAsync(context.PlatformId, enrollments, ct);
                return static (_, _, _) => Task.FromResult(0);
            },
            cancellationToken);
    }

    private SyncPager.PageWriter<MoodleEnrolledUser> WriteRosterAsync(SyncContext context) => async (users, cancellationToken) =>
    {
        var learners = users.Where(u => u.Roles.Count == 0 || u.Roles.Any(r => r.ShortName == "student")).ToList();
        var inactive = learners.Where(u => !u.Active).Select(u => u.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var people = learners.Select(u => new Person
        {
            LtiUserId = u.Id.ToString(CultureInfo.InvariantCulture),
            LmsUserId = u.Id.ToString(CultureInfo.InvariantCulture),
            Name = u.FullName,
            Email = u.Email,
        }).ToList();
        var ids = await courses.UpsertPeopleAsync(context.PlatformId, people, cancellationToken);
        var members = (await courses.ListMembersAsync(context.CourseId, cancellationToken)).ToDictionary(m => m.Person.Id, m => m.Enrollment);
        var enrollments = people.Select(p => (Id: ids[p.LtiUserId], Status: inactive.Contains(p.LtiUserId) ? "inactive" : "active"))
            .Select(p => members.TryGetValue(p.Id, out var existing)
                ? existing with { Status = p.Status }
                : new Enrollment { CourseId = context.CourseId, PersonId = p.Id, Roles = "Learner", Status = p.Status }).ToList();
        context.ChangedRows += await courses.UpsertEnrollmentsAsync(context.PlatformId, enrollments, cancellationToken);
        return static (_, _, _) => Task.FromResult(0);
    };

    private SyncPager.PageWriter<(MoodleAssignment Assignment, MoodleGradingDefinition? Rubric)> WriteItemsAsync(SyncContext context) => (assignments, _) =>
        Task.FromResult<Func<DbConnection, DbTransaction, CancellationToken, Task<int>>>(async (connection, transaction, cancellationToken) =>
        {
            var items = assignments.Select(x => new SnapshotItem
            {
                Source = Source,
                SourceId = x.Assignment.Id.ToString(CultureInfo.InvariantCulture),
                Title = x.Assignment.Name ?? "Assignment " + x.Assignment.Id.ToString(CultureInfo.InvariantCulture),
                PointsPossible = x.Assignment.Grade > 0 ? (double)x.Assignment.Grade : null,
                DueAt = x.Assignment.DueDate > 0 ? DateTimeOffset.FromUnixTimeSeconds(x.Assignment.DueDate) : null,
                Details = SnapshotJson.ItemDetails(x.Rubric is { } r ? MoodleRows.RubricId(r.Id) : null),
            }).ToList();
            await snapshots.UpsertItemsAsync(connection, transaction, context.PlatformId, context.CourseId, items, cancellationToken);
            var rubrics = assignments.Where(x => x.Rubric is not null)
                .Select(x => MoodleRows.Rubric(x.Rubric!, x.Assignment.Name))
                .Select(r => new CatalogueEntry { Kind = "rubric", SourceId = r.Id, Title = r.Title ?? r.Id, Details = SnapshotJson.Serialize(r) })
                .ToList();
            return await snapshots.UpsertCatalogueAsync(connection, transaction, context.PlatformId, context.CourseId, rubrics, cancellationToken);
        });

    private SyncPager.PageWriter<AssignmentWork> WriteWorkAsync(
        SyncContext context,
        Lazy<Task<Dictionary<string, (long PersonId, string LtiUserId)>>> people,
        Lazy<Task<Dictionary<string, Rubric>>> rubrics) =>
        async (works, _) =>
        {
            var map = await people.Value;
            var scores = new List<ScoreRow>();
            var artifacts = new List<ArtifactRow>();
            var rubricResults = new List<RubricResultRow>();
            foreach (var work in works)
            {
                var grades = work.Grades.GroupBy(g => g.UserId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.AttemptNumber)!);
                var submissions = work.Submissions.GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.MaxBy(x => x.AttemptNumber)!);
                foreach (var userId in grades.Keys.Union(submissions.Keys))
                {
                    if (!map.TryGetValue(userId.ToString(CultureInfo.InvariantCulture), out var person))
                    {
                        continue;
                    }

                    grades.TryGetValue(userId, out var grade);
                    submissions.TryGetValue(userId, out var submission);
                    var raw = (double?)grade?.Score;
                    var submitted = submission?.Status == "submitted";
                    scores.Add(new ScoreRow
                    {
                        ItemId = work.Item.Id,
                        PersonId = person.PersonId,
                        RawScore = raw,
                        PointsPossible = work.Item.PointsPossible,
                        Percentage = raw is { } r && work.Item.PointsPossible is > 0 ? Math.Round(r * 100 / work.Item.PointsPossible.Value, 4) : null,
                        State = raw is not null ? "graded" : submitted ? "ungraded" : "missing",
                        Grade = grade?.Grade,
                        Late = submitted && work.Item.DueAt is { } due && submission!.TimeModified > due.ToUnixTimeSeconds(),
                        Attempt = (submission?.AttemptNumber ?? grade?.AttemptNumber) + 1,
                        SubmittedAt = submitted ? DateTimeOffset.FromUnixTimeSeconds(submission!.TimeModified) : null,
                        GradedAt = grade is { TimeModified: > 0 } ? DateTimeOffset.FromUnixTimeSeconds(grade.TimeModified) : null,
                    });
                    if (submission is not null)
                    {
                        artifacts.AddRange(Artifacts(submission, work.Item.Id, person.PersonId));
                    }
                }

                if (work.Instances.Count > 0)
                {
                    var personByGradeId = new Dictionary<long, long>();
                    foreach (var grade in work.Grades)
                    {
                        if (map.TryGetValue(grade.UserId.ToString(CultureInfo.InvariantCulture), out var person))
                        {
                            personByGradeId[grade.Id] = person.PersonId;
                        }
                    }

                    var rubricId = MoodleRows.DefinitionIdOf(work.Item) is { } d ? MoodleRows.RubricId(d) : null;
                    var rubric = rubricId is null ? null : (await rubrics.Value).GetValueOrDefault(rubricId);
                    rubricResults.AddRange(MoodleRows.RubricResults(work.Instances, personByGradeId, work.Item.Id, rubric));
                }
            }

            return async (connection, transaction, cancellationToken) =>
                await snapshots.UpsertScoresAsync(connection, transaction, context.PlatformId, context.CourseId, scores, cancellationToken) +
                await snapshots.UpsertArtifactsAsync(connection, transaction, context.PlatformId, context.CourseId, artifacts, cancellationToken) +
                await snapshots.UpsertRubricResultsAsync(connection, transaction, context.PlatformId, context.CourseId, rubricResults, cancellationToken);
        };

    private static IEnumerable<ArtifactRow> Artifacts(MoodleSubmission submission, long itemId, long personId)
    {
        var attempt = submission.AttemptNumber + 1;
        var prefix = "attempt:" + attempt.ToString(CultureInfo.InvariantCulture);
        var at = DateTimeOffset.FromUnixTimeSeconds(submission.TimeModified);
        foreach (var plugin in submission.Plugins)
        {
            foreach (var file in plugin.FileAreas.SelectMany(a => a.Files))
            {
                yield return new ArtifactRow
                {
                    ItemId = itemId, PersonId = personId, ArtifactKey = prefix + ":file:" + (file.FilePath ?? "/") + file.FileName,
                    Kind = "file", Url = file.FileUrl, FileName = file.FileName, ContentType = file.MimeType, SizeBytes = file.FileSize,
                    Attempt = attempt, SubmittedAt = at,
                };
            }

            foreach (var field in plugin.EditorFields.Where(f => !string.IsNullOrEmpty(f.Text)))
            {
                var text = field.Text!;
                yield return new ArtifactRow
                {
                    ItemId = itemId, PersonId = personId, ArtifactKey = prefix + ":text:" + (field.Name ?? plugin.Type),
                    Kind = "text", TextExcerpt = text.Length > TextExcerptLength ? text[..TextExcerptLength] : text,
                    ContentType = "text/html", SizeBytes = text.Length, Attempt = attempt, SubmittedAt = at,
                };
            }
        }
    }

    internal sealed record AssignmentWork(SnapshotItem Item, IReadOnlyList<MoodleSubmission> Submissions, IReadOnlyList<MoodleGrade> Grades, IReadOnlyList<MoodleGradingInstance> Instances);
}
