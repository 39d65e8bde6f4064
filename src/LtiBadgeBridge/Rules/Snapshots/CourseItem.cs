namespace LtiBadgeBridge.Rules.Snapshots;

/// <summary>The kind of a gradable item, as the LMS reports it.</summary>
public enum ItemKind
{
    Assignment,
    Quiz,
    Discussion,
    /// <summary>An AGS line item that is not backed by a native assignment.</summary>
    LineItem,
    Other,
}

/// <summary>
/// A gradable item of a course: a Canvas assignment, a Moodle assign activity or an AGS line item.
/// <see cref="Id"/> is the stable LMS id rules refer to; <see cref="Name"/> is for display only.
/// </summary>
public sealed record CourseItem
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Points possible; <c>0</c> or <c>null</c> means the item cannot be expressed as a percentage.</summary>
    public double? PointsPossible { get; init; }

    public ItemKind Kind { get; init; } = ItemKind.Assignment;

    /// <summary>The rubric the item is assessed with, if any (an id in <see cref="CourseCatalogue.Rubrics"/>).</summary>
    public string? RubricId { get; init; }

    /// <summary>True when one grade is given to a whole group instead of each member individually.</summary>
    public bool GradedAsGroup { get; init; }
}
