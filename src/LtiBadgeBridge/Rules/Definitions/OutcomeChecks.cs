using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Checks of outcome and competency rules against the outcomes the catalogue aligns with the course.</summary>
internal static class OutcomeChecks
{
    public static void CheckOutcome(OutcomeRule r, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        var outcome = CheckOutcomeId(r.OutcomeId, path + "." + RuleKinds.Outcome, catalogue, errors);
        if (r.MinLevel is null == r.MinScore is null)
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.MissingRequired, path, r.MinLevel is null ? "outcome needs a minimum" : "outcome has both minLevel and minScore",
                "set exactly one of minLevel (a scale level name) or minScore"));
            return;
        }

        if (outcome is null)
        {
            return;
        }

        var ranked = LevelRanking.Rank(outcome.Scale);
        if (r.MinLevel is { } level && LevelRanking.IndexOfName(ranked, level) < 0)
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.UnknownOutcomeLevel, path + ".minLevel", $"'{level}' is not a level of outcome '{r.OutcomeId}'",
                ranked.Length == 0 ? "this outcome has no scale; use minScore" : Suggestions.Hint(level, ranked.Select(l => l.Name).ToList())));
        }

        if (r.MinScore is { } score && ranked.Length > 0 && ranked[^1].Points is { } top && score > top)
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.ImpossibleThreshold, path + ".minScore",
                $"minScore {RuleChecks.Fmt(score)} is above the top of the scale ({RuleChecks.Fmt(top)})", $"use at most {RuleChecks.Fmt(top)}"));
        }
    }

    public static void CheckOutcomesMastered(OutcomesMasteredRule r, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        var listPath = path + "." + RuleKinds.OutcomesMastered;
        if (r.OutcomeIds.Count == 0)
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.MissingRequired, listPath, "outcomesMastered lists no outcomes", "list the outcome or competency ids"));
        }

        for (var i = 0; i < r.OutcomeIds.Count; i++)
        {
            var outcome = CheckOutcomeId(r.OutcomeIds[i], RulePaths.Index(listPath, i), catalogue, errors);
            if (outcome is not null && outcome.MasteryPoints is null && !outcome.Scale.Any(l => l.IsMastery))
            {
                errors.Add(RuleChecks.Err(DefinitionErrorCodes.NoMasteryDefined, RulePaths.Index(listPath, i),
                    $"outcome '{outcome.Id}' defines no mastery level; only the LMS's own mastery flag can meet it",
                    "set mastery points or a mastery level in the LMS, or use 'outcome' with minLevel") with { Severity = DefinitionSeverity.Warning });
            }
        }
    }

    private static Outcome? CheckOutcomeId(string outcomeId, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        if (string.IsNullOrWhiteSpace(outcomeId))
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.MissingRequired, path, "the outcome id is missing", "use the outcome's or competency's LMS id"));
            return null;
        }

        var outcome = catalogue?.FindOutcome(outcomeId);
        if (catalogue is not null && outcome is null)
        {
            errors.Add(RuleChecks.Err(DefinitionErrorCodes.UnknownOutcome, path, $"outcome '{outcomeId}' is not aligned with course '{catalogue.CourseId}'",
                "pick an outcome or competency id from the course's synced outcomes"));
        }

        return outcome;
    }
}
