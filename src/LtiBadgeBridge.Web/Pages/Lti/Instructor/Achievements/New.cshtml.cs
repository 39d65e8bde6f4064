using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Web.Instructor;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor.Achievements;

/// <summary>A new achievement, built from the course's synced data.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class NewModel(AchievementStore store, CourseContextLoader loader, IssuerProfileStore issuers) : AchievementEditorModel(store, loader, issuers)
{
    public override string PagePath => "/lti/instructor/achievements/new";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => GetAsync(null, cancellationToken);

    /// <summary>Saves and publishes (evaluated from now on).</summary>
    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveAsync(null, asDraft: false, cancellationToken);

    /// <summary>Saves as a draft: not evaluated and not shown to learners until published.</summary>
    public Task<IActionResult> OnPostSaveDraftAsync(CancellationToken cancellationToken) => SaveAsync(null, asDraft: true, cancellationToken);

    public Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellationToken) => AddRowAsync(null, cancellationToken);

    public Task<IActionResult> OnPostYamlAsync(CancellationToken cancellationToken) => SaveYamlAsync(null, cancellationToken);
}
