using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Web.Instructor;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor.Achievements;

/// <summary>Edits an achievement of the course: every save that changes it stores a new version.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class EditModel(AchievementStore store, CourseContextLoader loader, IssuerProfileStore issuers) : AchievementEditorModel(store, loader, issuers)
{
    [FromRoute(Name = "id")]
    public long Id { get; set; }

    public override string PagePath => AchievementUrl(Id);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => GetAsync(Id, cancellationToken);

    /// <summary>Saves and publishes (evaluated from now on).</summary>
    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveAsync(Id, asDraft: false, cancellationToken);

    /// <summary>Saves as a draft: not evaluated and not shown to learners until published.</summary>
    public Task<IActionResult> OnPostSaveDraftAsync(CancellationToken cancellationToken) => SaveAsync(Id, asDraft: true, cancellationToken);

    public Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellationToken) => AddRowAsync(Id, cancellationToken);

    public Task<IActionResult> OnPostYamlAsync(CancellationToken cancellationToken) => SaveYamlAsync(Id, cancellationToken);
}
