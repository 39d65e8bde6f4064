using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Achievements.Editing;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Snapshots;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Instructor;

/// <summary>
/// The achievement editor (new and edit share it): a form over the course's synced items, rubrics and
/// outcomes that compiles to the definition format (<see cref="AchievementFormMapper"/>) and saves through
/// <see cref="AchievementStore.SaveAsync"/>, with the store's errors shown next to their fields; and the
/// same definition as YAML for advanced edits. A new achievement (or a draft) is saved as a draft or published;
/// a published one is saved as a new published version.
/// </summary>
public abstract class AchievementEditorModel(AchievementStore store, CourseContextLoader loader, IssuerProfileStore issuers) : InstructorPageModel
{
    private readonly Dictionary<string, List<FormFieldError>> _fieldErrors = new(StringComparer.Ordinal);

    [BindProperty]
    public AchievementForm Form { get; set; } = new();

    [BindProperty]
    public string? Yaml { get; set; }

    /// <summary><c>keep</c>, <c>builtin:KEY</c>, <c>upload</c>, <c>url</c> or <c>none</c>.</summary>
    [BindProperty]
    public string? ImageChoice { get; set; }

    [BindProperty]
    public string? ImageUrl { get; set; }

    [BindProperty]
    public IFormFile? ImageUpload { get; set; }

    [BindProperty]
    public string? AddKind { get; set; }

    [FromQuery(Name = "saved")]
    public string? Saved { get; set; }

    [FromQuery(Name = "imported")]
    public string? Imported { get; set; }

    [FromQuery(Name = "published")]
    public string? Published { get; set; }

    public StoredAchievement? Existing { get; private set; }

    public CourseCatalogue Catalogue { get; private set; } = CourseCatalogue.Empty("");

    public bool HasCatalogue { get; private set; }

    public IReadOnlyList<StoredAchievement> OtherAchievements { get; private set; } = [];

    public bool RulesEditable { get; private set; } = true;

    /// <summary>Messages that belong to no one field.</summary>
    public List<FormFieldError> FormErrors { get; } = [];

    public IReadOnlyList<DefinitionError> YamlErrors { get; private set; } = [];

    /// <summary>This page's path (without the session token).</summary>
    public abstract string PagePath { get; }

    public IReadOnlyList<FormFieldError> ErrorsFor(string field) =>
        _fieldErrors.TryGetValue(field, out var errors) ? errors : [];

    public bool HasErrors(string field) => _fieldErrors.TryGetValue(field, out var errors) && errors.Exists(e => !e.IsWarning);

    public bool HasAnyErrors => FormErrors.Exists(e => !e.IsWarning) || _fieldErrors.Values.Any(l => l.Exists(e => !e.IsWarning));

    /// <summary>Loads the page for <paramref name="id"/> (null: a new achievement).</summary>
    protected async Task<IActionResult> GetAsync(long? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (Existing is not null)
        {
            var version = await store.GetVersionAsync(Existing.Id, null, cancellationToken);
            Yaml = version?.Definition ?? string.Empty;
            var document = AchievementDefinitionReader.Read(Yaml, Existing.Slug);
            if (document.Definition is { } definition)
            {
                var read = AchievementFormMapper.FromDefinition(definition);
                Form = read.Form;
                RulesEditable = read.RulesEditable;
            }
            else
            {
                RulesEditable = false;
            }
        }
        else
        {
            Form = await DefaultsAsync(cancellationToken);
            Yaml = null;
        }

        EnsureBlankAlignment();
        return Page();
    }

    /// <summary>Saves the form: published, or as a draft when <paramref name="asDraft"/> (new achievements and drafts only).</summary>
    protected async Task<IActionResult> SaveAsync(long? id, bool asDraft, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem)
        {
            return problem;
        }

        AchievementFormMapper.DropRemovedRows(Form);
        if (asDraft && Existing is { IsDraft: false })
        {
            AddErrors([new FormFieldError
            {
                Field = string.Empty, Code = AchievementErrorCodes.AlreadyPublished,
                Message = "This achievement is published, so it cannot go back to draft. Save it to publish a new version.",
            }]);
            return Refused();
        }

        await ApplyImageAsync(cancellationToken);
        FillDefaultLabels();
        if (Existing is null)
        {
            AchievementFormDefaults.FillBlanks(Form, await DefaultsAsync(cancellationToken), LtiSession.ContextTitle, HasCatalogue ? Catalogue : null);
        }
        else
        {
            AchievementFormDefaults.RefreshNarrative(Form, LtiSession.ContextTitle, HasCatalogue ? Catalogue : null);
        }

        AchievementDefinition? original = null;
        if (Existing is not null)
        {
            Form.Slug = Existing.Slug;
            var version = await store.GetVersionAsync(Existing.Id, null, cancellationToken);
            original = version is null ? null : AchievementDefinitionReader.Read(version.Definition).Definition;
            if (original is not null && !AchievementFormMapper.FromDefinition(original).RulesEditable)
            {
                // The form cannot show these rules: keep them as they are and change the metadata only.
                Form.Rules.Clear();
            }
        }
        else if (OtherAchievements.Any(a => a.CourseId == CourseId && string.Equals(a.Slug, Form.Slug?.Trim(), StringComparison.Ordinal)))
        {
            AddErrors([new FormFieldError { Field = nameof(AchievementForm.Slug), Code = "duplicate_id", Message = $"this course already has an achievement with the id '{Form.Slug}'; choose another id or edit that one" }]);
        }

        var compiled = AchievementFormMapper.ToDefinition(Form, original);
        AddErrors(compiled.Errors);
        if (!compiled.Succeeded || HasAnyErrors)
        {
            return Refused();
        }

        var definition = compiled.Definition!;
        if (Existing is not null && original is not null && Form.Rules.Count == 0 && !AchievementFormMapper.FromDefinition(original).RulesEditable)
        {
            definition = definition with { Rules = original.Rules };
        }

        var text = AchievementDefinitionWriter.ToYaml(definition);
        var result = await store.SaveAsync(LtiSession.PlatformId, CourseId, text, "the form", Pages.Lti.Instructor.Achievements.IndexModel.Actor(LtiSession), asDraft, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(AchievementFormMapper.MapErrors(result.Errors, compiled));
            Yaml = text;
            return Refused();
        }

        return SavedRedirect(result, "saved");
    }

    protected async Task<IActionResult> AddRowAsync(long? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem)
        {
            return problem;
        }

        AchievementFormMapper.DropRemovedRows(Form);
        await ApplyImageAsync(cancellationToken);
        Form.Rules.Add(new CriterionInput { Kind = string.IsNullOrEmpty(AddKind) ? RuleKinds.ItemScore : AddKind, ThresholdUnit = "percent" });
        AchievementFormDefaults.RefreshNarrative(Form, LtiSession.ContextTitle, HasCatalogue ? Catalogue : null);
        EnsureBlankAlignment();
        return Page();
    }

    protected async Task<IActionResult> SaveYamlAsync(long? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } problem)
        {
            return problem;
        }

        var text = Yaml ?? string.Empty;
        var document = AchievementDefinitionReader.Read(text, "YAML");
        if (Existing is not null && document.Definition is { } read && !string.Equals(read.Id, Existing.Slug, StringComparison.Ordinal))
        {
            YamlErrors = [new DefinitionError
            {
                Code = "id_changed", Path = "id", Source = "YAML",
                Line = document.SourceMap.Locate("id")?.Line,
                Message = $"the id must stay '{Existing.Slug}'", Hint = "import a definition with another id as a new achievement",
            }];
            return YamlRefused(text);
        }

        // YAML edits of a draft keep it a draft; publishing is the editor's Publish button.
        var result = await store.SaveAsync(LtiSession.PlatformId, CourseId, text, "YAML", Pages.Lti.Instructor.Achievements.IndexModel.Actor(LtiSession), Existing?.IsDraft ?? false, cancellationToken);
        if (!result.Succeeded)
        {
            YamlErrors = result.Errors;
            return YamlRefused(text);
        }

        return SavedRedirect(result, "saved");
    }

    private RedirectResult SavedRedirect(SaveAchievementResult result, string parameter) =>
        Redirect(Link(AchievementUrl(result.Achievement!.Id) + "?" + parameter + "=" + (result.Changed ? "1" : "0") + (result.Published ? "&published=1" : "")));

    /// <summary>A new achievement's defaults from the course, what sync found and the issuer profile.</summary>
    private async Task<AchievementForm> DefaultsAsync(CancellationToken cancellationToken)
    {
        var issuer = await issuers.GetAsync(LtiSession.PlatformId, cancellationToken);
        return AchievementFormDefaults.ForCourse(LtiSession.ContextTitle, HasCatalogue ? Catalogue : null, OtherAchievements.Select(a => a.Slug).ToList(), issuer?.Name);
    }

    private IActionResult YamlRefused(string text)
    {
        if (AchievementDefinitionReader.Read(text).Definition is { } definition)
        {
            var read = AchievementFormMapper.FromDefinition(definition);
            Form = read.Form;
            RulesEditable = read.RulesEditable;
        }

        Yaml = text;
        EnsureBlankAlignment();
        return Page();
    }

    private IActionResult Refused()
    {
        EnsureBlankAlignment();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } noCourse)
        {
            return noCourse;
        }

        if (id is { } existingId)
        {
            Existing = await store.GetAsync(existingId, cancellationToken);
            if (Existing is null || Existing.PlatformId != LtiSession.PlatformId || Existing.CourseId != CourseId)
            {
                Existing = null;
                return ProblemPage(StatusCodes.Status404NotFound, AchievementErrorCodes.AchievementNotFound, "This achievement does not exist in this course.");
            }
        }

        var context = await loader.LoadAsync(CourseId, cancellationToken);
        if (context is null)
        {
            return ProblemPage(StatusCodes.Status404NotFound, AchievementErrorCodes.CourseNotFound, "This course is not known to the tool yet; launch it again from the course.");
        }

        Catalogue = context.Catalogue;
        HasCatalogue = context.HasCatalogue;
        var all = await store.ListAsync(LtiSession.PlatformId, cancellationToken);
        OtherAchievements = [.. all.Where(a => (a.CourseId == CourseId || a.CourseId is null) && a.Id != id && a.Status == AchievementStatuses.Active)];
        return null;
    }

    private async Task ApplyImageAsync(CancellationToken cancellationToken)
    {
        var choice = ImageChoice ?? "keep";
        if (choice.StartsWith("builtin:", StringComparison.Ordinal))
        {
            Form.Image = BadgeImages.BuiltInDataUri(choice["builtin:".Length..]) ?? Form.Image;
        }
        else if (choice == "url")
        {
            Form.Image = ImageUrl?.Trim();
        }
        else if (choice == "none")
        {
            Form.Image = null;
        }
        else if (choice == "upload")
        {
            if (ImageUpload is null || ImageUpload.Length == 0)
            {
                AddErrors([new FormFieldError { Field = nameof(AchievementForm.Image), Code = "image_missing", Message = "choose an image file to upload" }]);
                return;
            }

            if (ImageUpload.Length > BadgeImages.MaxUploadBytes)
            {
                AddErrors([new FormFieldError { Field = nameof(AchievementForm.Image), Code = "image_too_large", Message = $"the image is larger than {BadgeImages.MaxUploadBytes / 1024} KB; upload a smaller one" }]);
                return;
            }

            using var buffer = new MemoryStream();
            await ImageUpload.CopyToAsync(buffer, cancellationToken);
            var (uri, error) = BadgeImages.FromUpload(buffer.ToArray());
            if (error is not null)
            {
                AddErrors([new FormFieldError { Field = nameof(AchievementForm.Image), Code = "image_invalid", Message = error }]);
                return;
            }

            Form.Image = uri;
        }

        ImageChoice = "keep";
    }

    private void FillDefaultLabels()
    {
        foreach (var row in Form.Rules.Where(r => string.IsNullOrWhiteSpace(r.Label)))
        {
            var item = row.ItemId is null ? null : Catalogue.FindItem(row.ItemId.Trim());
            var itemName = item?.Name ?? row.ItemId;
            row.Label = row.Kind switch
            {
                RuleKinds.ItemScore => itemName,
                RuleKinds.Rubric => itemName is null ? null : itemName + " (rubric)",
                RuleKinds.Evidence => itemName is null ? null : itemName + " (evidence)",
                RuleKinds.CourseScore => "Course grade",
                RuleKinds.AverageScore => "Average grade",
                RuleKinds.Outcome => row.OutcomeId is null ? null : Catalogue.FindOutcome(row.OutcomeId.Trim())?.Name ?? row.OutcomeId,
                RuleKinds.OutcomesMastered => "Outcomes mastered",
                _ => null,
            };
        }
    }

    private void EnsureBlankAlignment()
    {
        if (!Form.Alignments.Exists(a => a.IsEmpty))
        {
            Form.Alignments.Add(new AlignmentInput { TargetType = "ceasn:Competency" });
        }
    }

    private void AddErrors(IEnumerable<FormFieldError> errors)
    {
        foreach (var error in errors)
        {
            if (error.Field.Length == 0)
            {
                FormErrors.Add(error);
                continue;
            }

            if (!_fieldErrors.TryGetValue(error.Field, out var list))
            {
                _fieldErrors[error.Field] = list = [];
            }

            list.Add(error);
        }
    }
}
