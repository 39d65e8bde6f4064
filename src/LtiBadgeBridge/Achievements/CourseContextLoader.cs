using System.Security.Cryptography;
using System.Text.Json;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Achievements;

/// <summary>Loads a course and maps its synced catalogue (see <see cref="SnapshotMapping"/>).</summary>
public sealed class CourseContextLoader(CourseStore courses, SnapshotStore snapshots)
{
    /// <summary>The course and its catalogue, or null when the course does not exist.</summary>
    public async Task<CourseContext?> LoadAsync(long courseId, CancellationToken cancellationToken)
    {
        var course = await courses.GetAsync(courseId, cancellationToken);
        if (course is null)
        {
            return null;
        }

        var items = await snapshots.ListItemsAsync(courseId, cancellationToken);
        var entries = await snapshots.ListCatalogueAsync(courseId, cancellationToken);
        var catalogue = SnapshotMapping.ToCatalogue(course, items, entries);
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(catalogue, AchievementJson.Contract)));
        return new CourseContext
        {
            Course = course,
            Catalogue = catalogue,
            ItemSourceIds = items.ToDictionary(i => i.Id, i => i.SourceId),
            CatalogueHash = hash,
        };
    }
}
