using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Checks of a rubric rule against the rubric the catalogue attaches to its item.</summary>
internal static class RubricChecks
{
    public static void Check(RubricRule r, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        var item = RuleChecks.CheckItem(r.ItemId, path + "." + RuleKinds.Rubric, catalogue, errors);
        if (string.IsNullOrWhiteSpace(r.MinLevel))
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.MissingRequired, path + ".minLevel", "minLevel is required", "name the lowest accepted level, e.g. 'minLevel: Proficient'"));
        }

        if (catalogue is null || item is null)
        {
            return;
        }

        if (r.Individual && item.GradedAsGroup)
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.GroupGraded, path + ".individual",
                $"item '{item.Id}' is graded once for the whole group, not individually", "grade group members individually in the LMS, or remove 'individual: true'"));
        }

        var rubric = item.RubricId is null ? null : catalogue.FindRubric(item.RubricId);
        if (rubric is null)
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.UnknownRubric, path + "." + RuleKinds.Rubric, $"item '{item.Id}' has no rubric in course '{catalogue.CourseId}'",
                "attach a rubric to the item in the LMS and sync again, or use itemScore"));
            return;
        }

        var criteria = new List<(RubricCriterion Criterion, string Path)>();
        if (r.Criteria.Count == 0)
        {
            criteria.AddRange(rubric.Criteria.Select(c => (c, path + ".minLevel")));
        }
        else
        {
            for (var i = 0; i < r.Criteria.Count; i++)
            {
                var criterionPath = RulePaths.Index(path + ".criteria", i);
                var criterion = rubric.FindCriterion(r.Criteria[i]);
                if (criterion is null)
                {
                    errors.Add(RuleChecks.Err(DefinitionErrorCodes.UnknownCriterion, criterionPath, $"criterion '{r.Criteria[i]}' is not in the rubric of item '{item.Id}'",
                        Suggestions.Hint(r.Criteria[i], rubric.Criteria.Select(c => c.Id).ToList())));
                }
                else
                {
                    criteria.Add((criterion, criterionPath));
                }
            }
        }

        if (string.IsNullOrWhiteSpace(r.MinLevel))
        {
            return;
        }

        foreach (var (criterion, _) in criteria)
        {
            var ranked = LevelRanking.Rank(criterion.Levels);
            if (LevelRanking.IndexOfName(ranked, r.MinLevel) < 0)
            {
                errors.Add(RuleChecks.Err(DefinitionErrorCodes.UnknownRubricLevel, path + ".minLevel",
                    $"level '{r.MinLevel}' is not a level of criterion '{criterion.Description ?? criterion.Id}'",
                    Suggestions.Hint(r.MinLevel, ranked.Select(l => l.Name).ToList())));
            }
        }
    }
}
