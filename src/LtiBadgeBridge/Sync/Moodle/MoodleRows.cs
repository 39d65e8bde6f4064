using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Sync.Moodle;

/// <summary>Maps Moodle advanced grading (rubrics) and competency records to snapshot rows. Pure functions.</summary>
internal static class MoodleRows
{
    private const string RubricPrefix = "moodle-grading-";

    /// <summary>Moodle's grading form instance status "active": the assessment that counts.</summary>
    private const int InstanceActive = 1;

    /// <summary>"Needs update": the active assessment after the rubric changed; still the latest one given.</summary>
    private const int InstanceNeedsUpdate = 2;

    /// <summary>The catalogue id of a rubric: its grading definition.</summary>
    public static string RubricId(long definitionId) => RubricPrefix + definitionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The grading definition of an item's rubric (from <c>items.details</c>), or null.</summary>
    public static long? DefinitionIdOf(SnapshotItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Details is null)
        {
            return null;
        }

        var rubricId = JsonSerializer.Deserialize<ItemDetails>(item.Details, SnapshotJson.Options)?.RubricId;
        return rubricId is not null && rubricId.StartsWith(RubricPrefix, StringComparison.Ordinal) &&
            long.TryParse(rubricId.AsSpan(RubricPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    /// <summary>The active rubric definition of each course module (areas graded by another method have none).</summary>
    public static Dictionary<long, MoodleGradingDefinition> RubricsByCmid(MoodleGradingDefinitionsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var map = new Dictionary<long, MoodleGradingDefinition>();
        foreach (var area in result.Areas.Where(a => a.ActiveMethod == "rubric"))
        {
            if (area.Definitions.FirstOrDefault(d => d.Method == "rubric" && d.Rubric is { Criteria.Count: > 0 }) is { } definition)
            {
                map[area.Cmid] = definition;
            }
        }

        return map;
    }

    public static Rubric Rubric(MoodleGradingDefinition definition, string? assignmentName)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new Rubric
        {
            Id = RubricId(definition.Id),
            Title = string.IsNullOrWhiteSpace(definition.Name) ? assignmentName : definition.Name,
            Criteria = (definition.Rubric?.Criteria ?? []).OrderBy(c => c.SortOrder ?? 0).ThenBy(c => c.Id).Select(c => new RubricCriterion
            {
                Id = Id(c.Id),
                Description = c.Description,
                Levels = c.Levels.OrderBy(l => l.Score ?? 0).ThenBy(l => l.Id)
                    .Select(l => new RubricLevel { Id = Id(l.Id), Name = l.Definition ?? Id(l.Id), Points = (double?)l.Score })
                    .ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// The levels given per criterion, from the grading form instances of an assignment. An instance's
    /// <c>itemid</c> is the assignment grade id; of several instances of one grade the active one counts
    /// (the latest when several are).
    /// </summary>
    public static IEnumerable<RubricResultRow> RubricResults(
        IReadOnlyList<MoodleGradingInstance> instances,
        IReadOnlyDictionary<long, long> personByGradeId,
        long itemId,
        Rubric? rubric)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(personByGradeId);
        var current = instances
            .Where(i => i.Status is InstanceActive or InstanceNeedsUpdate && i.Rubric is not null)
            .GroupBy(i => i.ItemId)
            .Select(g => g.OrderBy(i => i.Status == InstanceActive ? 0 : 1).ThenByDescending(i => i.TimeModified ?? 0).ThenByDescending(i => i.Id).First());
        foreach (var instance in current)
        {
            if (!personByGradeId.TryGetValue(instance.ItemId, out var personId))
            {
                continue; // a grade of someone outside the synced roster
            }

            foreach (var filling in instance.Rubric!.Criteria.DistinctBy(c => c.CriterionId))
            {
                var criterionId = Id(filling.CriterionId);
                var levelId = filling.LevelId is { } l ? Id(l) : null;
                var level = levelId is null ? null : rubric?.FindCriterion(criterionId)?.Levels.FirstOrDefault(x => x.Id == levelId);
                yield return new RubricResultRow
                {
                    ItemId = itemId,
                    PersonId = personId,
                    CriterionId = criterionId,
                    LevelId = levelId,
                    LevelName = level?.Name,
                    Points = level?.Points,
                };
            }
        }
    }

    public static Outcome Outcome(MoodleCompetency competency)
    {
        ArgumentNullException.ThrowIfNull(competency);
        return new Outcome
        {
            Id = Id(competency.Id),
            Name = competency.ShortName ?? competency.IdNumber ?? Id(competency.Id),
            Source = OutcomeSource.MoodleCompetency,
        };
    }

    /// <summary>A learner's rating of a competency; null when it is not rated yet.</summary>
    public static OutcomeResultRow? OutcomeResult(MoodleUserCompetencyCourse rating, long personId)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (rating.Grade is null)
        {
            return null;
        }

        return new OutcomeResultRow
        {
            PersonId = personId,
            OutcomeId = Id(rating.CompetencyId),
            Score = rating.Grade,
            Level = rating.GradeName,
            Mastered = rating.Proficiency,
        };
    }

    /// <summary>
    /// A refusal that costs only optional data (rubric levels, competencies): a missing capability or
    /// function, or competencies switched off on the site. The sync goes on and reports it.
    /// </summary>
    public static bool IsOptionalRefusal(PlatformError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind is PlatformErrorKind.NotAuthorized or PlatformErrorKind.FunctionUnavailable ||
            error.PlatformCode is "competenciesarenotenabled";
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
