using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Web.Instructor;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor.Achievements;

/// <summary>A new achievement, built from the course's synced data.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class NewModel(AchievementStore store, CourseContextLoader loader) : AchievementEditorModel(store, loader)
{
    public override string PagePath => "/lti/instructor/achievements/new";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => GetAsync(null, cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveAsync(null, cancellationToken);

    public Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellationToken) => AddRowAsync(null, cancellationToken);

    public Task<IActionResult> OnPostYamlAsync(CancellationToken cancellationToken) => SaveYamlAsync(null, cancellationToken);
}
