using LtiBadgeBridge.Rules.Definitions;

namespace LtiBadgeBridge.Achievements.Editing;

/// <summary>
/// A form compiled to a definition, or the field messages that stopped it (unreadable numbers, missing
/// picks). <see cref="RulePaths"/> says which definition path each form field came from, so the
/// validator's and the store's errors can be shown next to their fields (<see cref="AchievementFormMapper.MapErrors"/>).
/// </summary>
public sealed record FormCompileResult
{
    public AchievementDefinition? Definition { get; init; }

    public IReadOnlyList<FormFieldError> Errors { get; init; } = [];

    /// <summary>Definition rule path (e.g. <c>rules.all[1]</c>) → form field prefix (e.g. <c>Rules[1]</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RulePaths { get; init; } = [];

    public bool Succeeded => Definition is not null;
}
