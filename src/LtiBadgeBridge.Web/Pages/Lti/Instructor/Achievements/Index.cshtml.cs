using System.Text;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Web.Instructor;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor.Achievements;

/// <summary>The course's achievements: state (drafts marked, and published from here), approval gate, award counts, links; YAML export and import.</summary>
public sealed class IndexModel(AchievementStore store, CourseOutcomesQuery outcomes) : InstructorPageModel
{
    private const int MaxImportBytes = 512 * 1024;

    public IReadOnlyList<AchievementRow> Achievements { get; private set; } = [];

    public IReadOnlyList<DefinitionError> ImportErrors { get; private set; } = [];

    [BindProperty]
    public string? ImportText { get; set; }

    [BindProperty]
    public IFormFile? ImportFile { get; set; }

    [FromQuery(Name = "imported")]
    public string? Imported { get; set; }

    [FromQuery(Name = "published")]
    public string? Published { get; set; }

    /// <summary>Import the definition as a draft (a new achievement or an existing draft).</summary>
    [BindProperty]
    public bool ImportAsDraft { get; set; }

    public IReadOnlyList<DefinitionError> PublishErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } problem)
        {
            return problem;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Downloads the current version as canonical YAML (reading it back gives the same version).</summary>
    public async Task<IActionResult> OnGetExportAsync(long id, CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } problem)
        {
            return problem;
        }

        var achievement = await store.GetAsync(id, cancellationToken);
        var version = achievement is null ? null : await store.GetVersionAsync(id, null, cancellationToken);
        if (achievement is null || version is null || !BelongsToCourse(achievement))
        {
            return ProblemPage(StatusCodes.Status404NotFound, AchievementErrorCodes.AchievementNotFound, "This achievement does not exist in this course.");
        }

        var document = AchievementDefinitionReader.Read(version.Definition, achievement.Slug);
        var yaml = document.Definition is { } definition ? AchievementDefinitionWriter.ToYaml(definition) : version.Definition;
        return File(Encoding.UTF8.GetBytes(yaml), "application/yaml; charset=utf-8", achievement.Slug + ".yaml");
    }

    /// <summary>Imports a YAML or JSON definition (uploaded or pasted) into the course; refused as a whole with line-numbered errors.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } problem)
        {
            return problem;
        }

        var source = "pasted definition";
        var text = ImportText;
        if (ImportFile is { Length: > 0 } file)
        {
            if (file.Length > MaxImportBytes)
            {
                return await RefuseAsync("file_too_large", $"the file is larger than {MaxImportBytes / 1024} KB", cancellationToken);
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
            source = Path.GetFileName(file.FileName);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return await RefuseAsync("import_empty", "choose a .yaml or .json file, or paste a definition", cancellationToken);
        }

        var result = await store.SaveAsync(LtiSession.PlatformId, CourseId, text, source, Actor(LtiSession), ImportAsDraft, cancellationToken);
        if (!result.Succeeded)
        {
            ImportErrors = result.Errors;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(Link(AchievementUrl(result.Achievement!.Id) + "?imported=" + (result.Changed ? "1" : "0")));
    }

    /// <summary>Publishes a draft of the course: validated again, made active (audited) and evaluated.</summary>
    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } problem)
        {
            return problem;
        }

        var achievement = await store.GetAsync(id, cancellationToken);
        if (achievement is null || !BelongsToCourse(achievement))
        {
            return ProblemPage(StatusCodes.Status404NotFound, AchievementErrorCodes.AchievementNotFound, "This achievement does not exist in this course.");
        }

        var result = await store.PublishAsync(id, Actor(LtiSession), cancellationToken);
        if (!result.Succeeded)
        {
            PublishErrors = result.Errors;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(Link("/lti/instructor/achievements?published=" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    internal static string Actor(LtiBadgeBridge.Web.Lti.LtiSession session) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lti-person:{session.PersonId}");

    private async Task<IActionResult> RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        ImportErrors = [new DefinitionError { Code = code, Path = string.Empty, Message = message }];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private bool BelongsToCourse(StoredAchievement achievement) =>
        achievement.PlatformId == LtiSession.PlatformId && achievement.CourseId == CourseId;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(LtiSession.PlatformId, cancellationToken);
        var counts = await outcomes.CountAsync(CourseId, cancellationToken);
        var rows = new List<AchievementRow>();
        foreach (var achievement in all.Where(a => a.CourseId == CourseId || a.CourseId is null))
        {
            var version = await store.GetVersionAsync(achievement.Id, null, cancellationToken);
            var definition = version is null ? null : AchievementDefinitionReader.Read(version.Definition).Definition;
            rows.Add(new AchievementRow
            {
                Achievement = achievement,
                RequiresApproval = definition?.RequiresApproval ?? false,
                Image = definition?.Image,
                Earned = counts.GetValueOrDefault((achievement.Id, AwardStates.Earned)),
                PendingApproval = counts.GetValueOrDefault((achievement.Id, AwardStates.PendingApproval)),
                Revoked = counts.GetValueOrDefault((achievement.Id, AwardStates.Revoked)),
            });
        }

        Achievements = rows;
    }

    /// <summary>One row of the list.</summary>
    public sealed record AchievementRow
    {
        public required StoredAchievement Achievement { get; init; }

        public bool RequiresApproval { get; init; }

        public string? Image { get; init; }

        public int Earned { get; init; }

        public int PendingApproval { get; init; }

        public int Revoked { get; init; }

        public bool InstitutionWide => Achievement.CourseId is null;
    }
}
