using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Achievements;

/// <summary>A course with its catalogue as mapped from the snapshot tables, ready to compile against.</summary>
public sealed record CourseContext
{
    public required Course Course { get; init; }

    public required CourseCatalogue Catalogue { get; init; }

    /// <summary>items.id → items.source_id (the LMS id rules refer to).</summary>
    public required IReadOnlyDictionary<long, string> ItemSourceIds { get; init; }

    /// <summary>A hash of the catalogue's content: compiled achievements are cached by it.</summary>
    public required string CatalogueHash { get; init; }

    /// <summary>False when sync has found nothing yet (no items, rubrics or outcomes).</summary>
    public bool HasCatalogue => Catalogue.Items.Count > 0 || Catalogue.Rubrics.Count > 0 || Catalogue.Outcomes.Count > 0;
}
