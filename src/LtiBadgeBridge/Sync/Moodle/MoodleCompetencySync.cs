using System.Globalization;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Sync.Moodle;

/// <summary>
/// The outcomes phase of a Moodle sync: step 0 lists the course's competencies
/// (<c>core_competency_list_course_competencies</c>) into the catalogue; each later step reads the ratings
/// of a block of learners (<c>report_competency_data_for_report</c>, one call per learner, as Moodle offers
/// no course-wide read). A refusal (capability, function, competencies disabled) ends the phase with a warning.
/// </summary>
internal sealed class MoodleCompetencySync(CourseStore courses, SnapshotStore snapshots, SyncPager pager)
{
    private const int LearnersPerStep = 25;

    public Task<PlatformError?> RunAsync(
        SyncContext context,
        IMoodleClient client,
        long moodleCourseId,
        Lazy<Task<Dictionary<string, (long PersonId, string LtiUserId)>>> people,
        CancellationToken cancellationToken)
    {
        List<(long PersonId, long MoodleUserId)>? learners = null;
        return pager.RunStepsAsync<Step>(context, SyncPhases.Outcomes, SyncPhases.Totals,
            async (index, ct) =>
            {
                if (index == 0)
                {
                    var listed = await client.ListCourseCompetenciesAsync(moodleCourseId, ct);
                    if (!listed.IsSuccess)
                    {
                        return Refused(context, listed.Error);
                    }

                    var catalogue = listed.Value.Select(c => MoodleRows.Outcome(c.Competency))
                        .Select(o => new CatalogueEntry { Kind = "outcome", SourceId = o.Id, Title = o.Name ?? o.Id, Details = SnapshotJson.Serialize(o) })
                        .ToList();
                    return Done(new Step(catalogue, []), catalogue.Count == 0 ? null : 1);
                }

                learners ??= await LearnersAsync(context, people, ct);
                var block = learners.Skip((index - 1) * LearnersPerStep).Take(LearnersPerStep).ToList();
                var rows = new List<OutcomeResultRow>();
                foreach (var (personId, moodleUserId) in block)
                {
                    var report = await client.GetCompetencyReportAsync(moodleCourseId, moodleUserId, ct);
                    if (!report.IsSuccess)
                    {
                        return Refused(context, report.Error);
                    }

                    rows.AddRange(report.Value.UserCompetencies
                        .Where(u => u.UserCompetencyCourse.UserId == moodleUserId)
                        .Select(u => MoodleRows.OutcomeResult(u.UserCompetencyCourse, personId))
                        .OfType<OutcomeResultRow>()
                        .DistinctBy(r => r.OutcomeId));
                }

                var reached = ((index - 1) * LearnersPerStep) + block.Count;
                return Done(new Step([], rows), reached < learners.Count ? index + 1 : null);
            },
            (steps, _) => Task.FromResult<Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken, Task<int>>>(
                async (connection, transaction, ct) =>
                {
                    var changed = 0;
                    foreach (var step in steps)
                    {
                        changed += await snapshots.UpsertCatalogueAsync(connection, transaction, context.PlatformId, context.CourseId, step.Catalogue, ct);
                        changed += await snapshots.UpsertOutcomeResultsAsync(connection, transaction, context.PlatformId, context.CourseId, step.Results, ct);
                    }

                    return changed;
                }),
            cancellationToken);
    }

    /// <summary>The course's synced learners in a stable order (person id), with their Moodle user ids.</summary>
    private async Task<List<(long PersonId, long MoodleUserId)>> LearnersAsync(
        SyncContext context, Lazy<Task<Dictionary<string, (long PersonId, string LtiUserId)>>> people, CancellationToken cancellationToken)
    {
        var map = await people.Value;
        return (await courses.ListMembersAsync(context.CourseId, cancellationToken))
            .Where(m => m.Person.LmsUserId is { } id && map.ContainsKey(id))
            .Select(m => (m.Person.Id, long.Parse(m.Person.LmsUserId!, CultureInfo.InvariantCulture)))
            .OrderBy(m => m.Id)
            .ToList();
    }

    private static PlatformResult<(IReadOnlyList<Step>, int?)> Refused(SyncContext context, PlatformError error)
    {
        if (!MoodleRows.IsOptionalRefusal(error))
        {
            return error;
        }

        context.Warn(error);
        return Done(new Step([], []), null);
    }

    private static PlatformResult<(IReadOnlyList<Step>, int?)> Done(Step step, int? next) =>
        PlatformResult.Success<(IReadOnlyList<Step>, int?)>(([step], next));

    internal sealed record Step(IReadOnlyList<CatalogueEntry> Catalogue, IReadOnlyList<OutcomeResultRow> Results);
}
