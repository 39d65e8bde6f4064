using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// A dry run of a draft definition over a course: the report to chart (who would earn it, who is close,
/// what blocks most), or the errors that stop the definition from compiling against the course.
/// </summary>
public sealed record AchievementDryRunResult
{
    public DryRunReport? Report { get; init; }

    public IReadOnlyList<DefinitionError> Errors { get; init; } = [];

    /// <summary>A stable code when refused for a reason other than the definition (e.g. <c>course_not_found</c>).</summary>
    public string? Code { get; init; }

    public bool Succeeded => Report is not null;
}
