using System.Text.Json.Serialization;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary><c>core_grading_get_definitions</c>.</summary>
public sealed record MoodleGradingDefinitionsResult
{
    public IReadOnlyList<MoodleGradingArea> Areas { get; init; } = [];

    public IReadOnlyList<MoodleWarning> Warnings { get; init; } = [];
}

/// <summary>The grading area of one course module and its definitions.</summary>
public sealed record MoodleGradingArea
{
    public required long Cmid { get; init; }

    public long? ContextId { get; init; }

    public string? Component { get; init; }

    public string? AreaName { get; init; }

    /// <summary><c>rubric</c>, <c>guide</c>... or null for simple direct grading.</summary>
    public string? ActiveMethod { get; init; }

    public IReadOnlyList<MoodleGradingDefinition> Definitions { get; init; } = [];
}

/// <summary>An advanced grading definition; <see cref="Rubric"/> is set when <see cref="Method"/> is <c>rubric</c>.</summary>
public sealed record MoodleGradingDefinition
{
    public required long Id { get; init; }

    public string? Method { get; init; }

    public string? Name { get; init; }

    public MoodleRubricDefinition? Rubric { get; init; }
}

/// <summary>A rubric's criteria.</summary>
public sealed record MoodleRubricDefinition
{
    [JsonPropertyName("rubric_criteria")]
    public IReadOnlyList<MoodleRubricCriterion> Criteria { get; init; } = [];
}

/// <summary>A rubric criterion and its levels.</summary>
public sealed record MoodleRubricCriterion
{
    public required long Id { get; init; }

    public int? SortOrder { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<MoodleRubricLevel> Levels { get; init; } = [];
}

/// <summary>A level of a rubric criterion.</summary>
public sealed record MoodleRubricLevel
{
    public required long Id { get; init; }

    public decimal? Score { get; init; }

    public string? Definition { get; init; }
}

/// <summary><c>core_grading_get_gradingform_instances</c>.</summary>
public sealed record MoodleGradingInstancesResult
{
    public IReadOnlyList<MoodleGradingInstance> Instances { get; init; } = [];

    public IReadOnlyList<MoodleWarning> Warnings { get; init; } = [];
}

/// <summary>A filled grading form; <see cref="ItemId"/> is the assignment grade id (<see cref="MoodleGrade.Id"/>).</summary>
public sealed record MoodleGradingInstance
{
    public required long Id { get; init; }

    public long? RaterId { get; init; }

    public required long ItemId { get; init; }

    public string? RawGrade { get; init; }

    /// <summary>1 = active (the current assessment).</summary>
    public int? Status { get; init; }

    public long? TimeModified { get; init; }

    public MoodleRubricFilling? Rubric { get; init; }
}

/// <summary>The levels chosen per criterion in a rubric instance.</summary>
public sealed record MoodleRubricFilling
{
    public IReadOnlyList<MoodleRubricCriterionFilling> Criteria { get; init; } = [];
}

/// <summary>The level chosen for one criterion.</summary>
public sealed record MoodleRubricCriterionFilling
{
    public long? Id { get; init; }

    public required long CriterionId { get; init; }

    public long? LevelId { get; init; }

    public string? Remark { get; init; }
}
