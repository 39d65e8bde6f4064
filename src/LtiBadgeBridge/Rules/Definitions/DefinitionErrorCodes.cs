namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Stable codes of definition problems.</summary>
public static class DefinitionErrorCodes
{
    public const string Syntax = "syntax";
    public const string WrongType = "wrong_type";
    public const string UnknownKey = "unknown_key";
    public const string MissingRequired = "missing_required";
    public const string InvalidValue = "invalid_value";
    public const string RuleKindUnknown = "rule_kind_unknown";
    public const string RuleKindAmbiguous = "rule_kind_ambiguous";
    public const string ThresholdOutOfRange = "threshold_out_of_range";
    public const string ImpossibleThreshold = "impossible_threshold";
    public const string UnknownItem = "unknown_item";
    public const string UnknownRubric = "unknown_rubric";
    public const string UnknownCriterion = "unknown_criterion";
    public const string UnknownRubricLevel = "unknown_rubric_level";
    public const string GroupGraded = "group_graded";
    public const string UnknownOutcome = "unknown_outcome";
    public const string UnknownOutcomeLevel = "unknown_outcome_level";
    public const string NoMasteryDefined = "no_mastery_defined";
    public const string DuplicateCriterionId = "duplicate_criterion_id";
    public const string DuplicateAchievementId = "duplicate_achievement_id";
    public const string UnknownAchievement = "unknown_achievement";
    public const string StackingCycle = "stacking_cycle";
    public const string SelfReference = "self_reference";
    public const string RecommendedMetadata = "recommended_metadata";
}
