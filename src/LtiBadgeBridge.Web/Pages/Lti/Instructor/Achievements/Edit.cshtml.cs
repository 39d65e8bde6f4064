using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Web.Instructor;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor.Achievements;

/// <summary>Edits an achievement of the course: every save that changes it stores a new version.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class EditModel(AchievementStore store, CourseContextLoader loader) : AchievementEditorModel(store, loader)
{
    [FromRoute(Name = "id")]
    public long Id { get; set; }

    public override string PagePath => AchievementUrl(Id);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => GetAsync(Id, cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveAsync(Id, cancellationToken);

    public Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellationToken) => AddRowAsync(Id, cancellationToken);

    public Task<IActionResult> OnPostYamlAsync(CancellationToken cancellationToken) => SaveYamlAsync(Id, cancellationToken);
}
