using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// Evaluates a draft definition over a course's synced learners without writing anything: who would earn
/// it now, who is close, and which criterion blocks most learners. Stacking rules see the learners'
/// current awards of the course's and the institution's achievements.
/// </summary>
public sealed class AchievementDryRunService(Database database, CourseContextLoader loader, AchievementStore achievements, SnapshotStore snapshots)
{
    private const int PageSize = 1000;

    public async Task<AchievementDryRunResult> RunAsync(long courseId, string text, string? source, DryRunOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = AchievementDefinitionReader.Read(text, source);
        if (document.Definition is null || AchievementValidator.HasErrors(document.Errors))
        {
            return new AchievementDryRunResult { Errors = document.Errors };
        }

        var context = await loader.LoadAsync(courseId, cancellationToken);
        if (context is null)
        {
            return new AchievementDryRunResult
            {
                Code = AchievementErrorCodes.CourseNotFound,
                Errors = [new DefinitionError { Code = AchievementErrorCodes.CourseNotFound, Path = string.Empty, Message = $"course {courseId} does not exist" }],
            };
        }

        var errors = AchievementValidator.Validate(document, context.Catalogue);
        if (AchievementValidator.HasErrors(errors))
        {
            return new AchievementDryRunResult { Errors = errors };
        }

        var active = await achievements.ListActiveAsync(context.Course.PlatformId, courseId, cancellationToken);
        var names = active.ToDictionary(a => a.Achievement.Slug, a => a.Achievement.Name, StringComparer.Ordinal);
        var compiled = AchievementCompiler.Compile(document.Definition, context.Catalogue, names);
        if (compiled.Achievement is null)
        {
            return new AchievementDryRunResult { Errors = compiled.Errors };
        }

        var slugById = active.ToDictionary(a => a.Achievement.Id, a => a.Achievement.Slug);
        var learners = new List<DryRunLearner>();
        long after = 0;
        while (true)
        {
            var page = await snapshots.LoadPageAsync(courseId, after, PageSize, cancellationToken);
            if (page.People.Count == 0)
            {
                break;
            }

            after = page.People[^1].Id;
            var mapped = SnapshotMapping.ToLearners(page, context.ItemSourceIds, context.Catalogue.CourseId);
            if (mapped.Count == 0)
            {
                continue;
            }

            var awards = slugById.Count == 0 ? [] : await LoadAwardsAsync(context.Course.PlatformId, mapped[0].Person.Id, mapped[^1].Person.Id, slugById, cancellationToken);
            foreach (var (person, snapshot) in mapped)
            {
                learners.Add(new DryRunLearner(snapshot, awards.TryGetValue(person.Id, out var states) ? new EarnedAchievements(states) : EarnedAchievements.None));
            }
        }

        return new AchievementDryRunResult { Report = DryRun.Run(compiled.Achievement, learners, options), Errors = errors };
    }

    private async Task<Dictionary<long, List<KeyValuePair<string, AwardState>>>> LoadAwardsAsync(
        long platformId, long from, long to, Dictionary<long, string> slugById, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var result = new Dictionary<long, List<KeyValuePair<string, AwardState>>>();
        foreach (var row in await connection.QueryAsync<(long AchievementId, long PersonId, string State)>(new CommandDefinition(
            $"SELECT achievement_id, person_id, state FROM awards WHERE platform_id = @platformId AND person_id BETWEEN @from AND @to AND achievement_id IN ({EvaluateCourseJob.InList(slugById.Keys)})",
            new { platformId, from, to }, cancellationToken: cancellationToken)))
        {
            if (!result.TryGetValue(row.PersonId, out var list))
            {
                result[row.PersonId] = list = [];
            }

            list.Add(KeyValuePair.Create(slugById[row.AchievementId], AwardStates.Parse(row.State)));
        }

        return result;
    }
}
