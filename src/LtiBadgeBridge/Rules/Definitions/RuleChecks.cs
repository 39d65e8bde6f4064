using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>The rules half of <see cref="AchievementValidator"/>: ranges, and references into the catalogue.</summary>
internal static class RuleChecks
{
    public static void Check(AchievementDefinition definition, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        var leaves = 0;
        var explicitIds = new HashSet<string>(StringComparer.Ordinal);
        RuleWalker.Walk(definition.Rules, RulePaths.Root, (rule, path) =>
        {
            if (rule.Id is { } id && !explicitIds.Add(id))
            {
                errors.Add(Err(DefinitionErrorCodes.DuplicateCriterionId, path + ".id", $"criterion id '{id}' is used twice", "give each rule its own id"));
            }

            if (!RuleWalker.IsCombinator(rule))
            {
                leaves++;
            }

            CheckRule(rule, path, definition.Id, catalogue, errors);
        });

        if (leaves == 0)
        {
            errors.Add(Err(DefinitionErrorCodes.MissingRequired, RulePaths.Root, "rules has no criteria",
                "add at least one rule, e.g. 'courseScore: final' with 'minPercent: 70'"));
        }
    }

    private static void CheckRule(Rule rule, string path, string achievementId, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        switch (rule)
        {
            case AllRule { Rules.Count: 0 }:
            case AnyRule { Rules.Count: 0 }:
                errors.Add(Err(DefinitionErrorCodes.MissingRequired, path, $"'{rule.Kind}' has no rules", "list at least one rule under it"));
                break;
            case InvalidRule:
                errors.Add(Err(DefinitionErrorCodes.RuleKindUnknown, path, "this rule could not be read", "fix the rule as reported when the file was read"));
                break;
            case AtLeastRule r:
                if (r.Count < 1 || r.Count > r.Rules.Count)
                {
                    errors.Add(Err(DefinitionErrorCodes.ImpossibleThreshold, path + ".atLeast",
                        $"atLeast {r.Count} of {r.Rules.Count} rules can never be met", $"use a number from 1 to {Math.Max(1, r.Rules.Count)}"));
                }

                break;
            case ItemScoreRule r:
                CheckItemScore(r, path, catalogue, errors);
                break;
            case AverageScoreRule r:
                CheckAverage(r, path, catalogue, errors);
                break;
            case CourseScoreRule r:
                CheckPercent(r.MinPercent, path + ".minPercent", errors);
                break;
            case OutcomeRule r:
                OutcomeChecks.CheckOutcome(r, path, catalogue, errors);
                break;
            case OutcomesMasteredRule r:
                OutcomeChecks.CheckOutcomesMastered(r, path, catalogue, errors);
                break;
            case RubricRule r:
                RubricChecks.Check(r, path, catalogue, errors);
                break;
            case EvidenceRule r:
                CheckEvidence(r, path, catalogue, errors);
                break;
            case AchievementsRule r:
                CheckAchievements(r, path, achievementId, errors);
                break;
        }
    }

    private static void CheckItemScore(ItemScoreRule r, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        var item = CheckItem(r.ItemId, path + "." + RuleKinds.ItemScore, catalogue, errors);
        var t = r.Threshold;
        if (t.MinPercent is null == t.MinPoints is null)
        {
            errors.Add(Err(DefinitionErrorCodes.MissingRequired, path, t.MinPercent is null ? "itemScore needs a threshold" : "itemScore has both minPercent and minPoints",
                "set exactly one of minPercent (e.g. 70) or minPoints (e.g. 35)"));
            return;
        }

        if (t.MinPercent is { } percent)
        {
            if (CheckPercent(percent, path + ".minPercent", errors) && item is not null && item.PointsPossible is not > 0)
            {
                errors.Add(Err(DefinitionErrorCodes.ImpossibleThreshold, path + ".minPercent",
                    $"item '{r.ItemId}' has no points possible, so a percentage cannot be computed", "use minPoints, or give the item points in the LMS"));
            }
        }
        else if (t.MinPoints is { } points)
        {
            if (points < 0)
            {
                errors.Add(Err(DefinitionErrorCodes.ThresholdOutOfRange, path + ".minPoints", $"threshold {Fmt(points)} points is negative", "use 0 or more points"));
            }
            else if (item?.PointsPossible is { } possible && possible > 0 && points > possible)
            {
                errors.Add(Err(DefinitionErrorCodes.ImpossibleThreshold, path + ".minPoints",
                    $"threshold {Fmt(points)} points is above the {Fmt(possible)} points possible for item '{r.ItemId}'", $"use at most {Fmt(possible)} points"));
            }
        }
    }

    private static void CheckAverage(AverageScoreRule r, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        var listPath = path + "." + RuleKinds.AverageScore;
        if (r.Items.Count == 0)
        {
            errors.Add(Err(DefinitionErrorCodes.MissingRequired, listPath, "averageScore lists no items", "list the item ids to average"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < r.Items.Count; i++)
        {
            var itemPath = RulePaths.Index(listPath, i);
            var weighted = r.Items[i];
            if (!seen.Add(weighted.ItemId))
            {
                errors.Add(Err(DefinitionErrorCodes.InvalidValue, itemPath, $"item '{weighted.ItemId}' is listed twice", "list each item once and use weight"));
            }

            if (weighted.Weight <= 0 || !double.IsFinite(weighted.Weight))
            {
                errors.Add(Err(DefinitionErrorCodes.InvalidValue, itemPath + ".weight", $"weight {Fmt(weighted.Weight)} must be more than 0", "use a positive weight such as 1 or 2"));
            }

            var item = CheckItem(weighted.ItemId, itemPath, catalogue, errors);
            if (item is not null && item.PointsPossible is not > 0)
            {
                errors.Add(Err(DefinitionErrorCodes.ImpossibleThreshold, itemPath,
                    $"item '{weighted.ItemId}' has no points possible and cannot be averaged as a percentage", "remove it from the average"));
            }
        }

        CheckPercent(r.MinPercent, path + ".minPercent", errors);
    }

    private static void CheckEvidence(EvidenceRule r, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        CheckItem(r.ItemId, path + "." + RuleKinds.Evidence, catalogue, errors);
        if (r.UrlHosts.Count > 0 && r.Type is { } type && type != ArtifactType.Url)
        {
            errors.Add(Err(DefinitionErrorCodes.InvalidValue, path + ".urlHost", "urlHost applies to links only", "set 'type: url' or remove urlHost"));
        }

        for (var i = 0; i < r.UrlHosts.Count; i++)
        {
            var host = r.UrlHosts[i];
            if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal))
            {
                errors.Add(Err(DefinitionErrorCodes.InvalidValue, RulePaths.Index(path + ".urlHost", i), $"urlHost '{host}' is not a host name", "write only the host, e.g. github.com"));
            }
        }

        for (var i = 0; i < r.Extensions.Count; i++)
        {
            var extension = r.Extensions[i];
            if (extension.Length < 2 || extension[0] != '.')
            {
                errors.Add(Err(DefinitionErrorCodes.InvalidValue, RulePaths.Index(path + ".extension", i), $"extension '{extension}' must start with a dot", $"write '.{extension.TrimStart('.')}'"));
            }
        }

        if (r.MinSize is < 0)
        {
            errors.Add(Err(DefinitionErrorCodes.InvalidValue, path + ".minSize", "minSize cannot be negative", "use a size in bytes (characters for text), e.g. 1024"));
        }
    }

    private static void CheckAchievements(AchievementsRule r, string path, string achievementId, List<DefinitionError> errors)
    {
        var listPath = path + "." + RuleKinds.Achievements;
        if (r.AchievementIds.Count == 0)
        {
            errors.Add(Err(DefinitionErrorCodes.MissingRequired, listPath, "achievements lists no achievement ids", "list the ids of the achievements to stack"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < r.AchievementIds.Count; i++)
        {
            var id = r.AchievementIds[i];
            if (string.Equals(id, achievementId, StringComparison.Ordinal))
            {
                errors.Add(Err(DefinitionErrorCodes.SelfReference, RulePaths.Index(listPath, i), $"achievement '{id}' cannot require itself", "remove it from the list"));
            }

            if (!seen.Add(id))
            {
                errors.Add(Err(DefinitionErrorCodes.InvalidValue, RulePaths.Index(listPath, i), $"achievement '{id}' is listed twice", "list each achievement once"));
            }
        }

        if (r.Count is { } count && (count < 1 || count > r.AchievementIds.Count))
        {
            errors.Add(Err(DefinitionErrorCodes.ImpossibleThreshold, path + ".atLeast",
                $"atLeast {count} of {r.AchievementIds.Count} achievements can never be met", $"use a number from 1 to {Math.Max(1, r.AchievementIds.Count)}"));
        }
    }

    internal static bool CheckPercent(double percent, string path, List<DefinitionError> errors)
    {
        if (double.IsNaN(percent))
        {
            errors.Add(Err(DefinitionErrorCodes.MissingRequired, path, "minPercent is required", "add e.g. 'minPercent: 70'"));
            return false;
        }

        if (percent is < 0 or > 100)
        {
            var side = percent > 100 ? "above 100 %" : "below 0 %";
            errors.Add(Err(DefinitionErrorCodes.ThresholdOutOfRange, path, $"threshold {Fmt(percent)} is {side}", "use a percentage between 0 and 100"));
            return false;
        }

        return true;
    }

    internal static CourseItem? CheckItem(string itemId, string path, CourseCatalogue? catalogue, List<DefinitionError> errors)
    {
        if (string.IsNullOrWhiteSpace(itemId))
        {
            errors.Add(Err(DefinitionErrorCodes.MissingRequired, path, "the item id is missing", "use the item's LMS id (assignment or line item id)"));
            return null;
        }

        if (catalogue is null)
        {
            return null;
        }

        var item = catalogue.FindItem(itemId);
        if (item is null)
        {
            var closest = Suggestions.Closest(itemId, catalogue.Items.Select(i => i.Id));
            errors.Add(Err(DefinitionErrorCodes.UnknownItem, path, $"item '{itemId}' is not in course '{catalogue.CourseId}'",
                closest is null ? "pick an item id from the course's synced items (ids, not names)" : $"did you mean '{closest}'?"));
        }

        return item;
    }

    internal static DefinitionError Err(string code, string path, string message, string hint) => MetadataChecks.Error(code, path, message, hint);

    internal static string Fmt(double value) => AchievementValidator.Format(value);
}
