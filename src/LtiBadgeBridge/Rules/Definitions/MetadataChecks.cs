namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>The metadata half of <see cref="AchievementValidator"/>.</summary>
internal static class MetadataChecks
{
    public static void Check(AchievementDefinition d, List<DefinitionError> errors)
    {
        CheckId(d.Id, errors);
        Required(d.Name, "name", "give the credential a title, e.g. 'Cloud Computing Fundamentals'", errors);
        Required(d.Description, "description", "describe in one or two sentences what the holder can do", errors);
        Required(d.Criteria, "criteria", "write the criteria narrative an employer will read", errors);
        if (Required(d.AchievementType, "achievementType", "use an Open Badges 3.0 type such as MicroCredential", errors)
            && !AchievementTypes.IsValid(d.AchievementType))
        {
            errors.Add(Error(DefinitionErrorCodes.InvalidValue, "achievementType", $"achievementType '{d.AchievementType}' is not an Open Badges 3.0 type",
                Suggestions.Hint(d.AchievementType, (IReadOnlyCollection<string>)AchievementTypes.Known) + " (or prefix your own with 'ext:')"));
        }

        if (d.Image is { } image && !IsHttpsUrl(image) && !image.StartsWith("data:image/", StringComparison.Ordinal))
        {
            errors.Add(Error(DefinitionErrorCodes.InvalidValue, "image", $"image '{image}' is not an https URL or an image data URI", "use https://... or data:image/png;base64,..."));
        }

        if (d.InLanguage is { } language && !IsLanguageTag(language))
        {
            errors.Add(Error(DefinitionErrorCodes.InvalidValue, "inLanguage", $"inLanguage '{language}' is not a language tag", "use a BCP 47 tag such as en, fr or en-CA"));
        }

        if (d.CreditsAvailable is < 0)
        {
            errors.Add(Error(DefinitionErrorCodes.InvalidValue, "creditsAvailable", "creditsAvailable cannot be negative", "use 0 or more"));
        }

        CheckWorkload(d.Workload, errors);
        CheckReferences(d.QualityAssurance, "qualityAssurance", errors);
        CheckReferences(d.Endorsements, "endorsements", errors);
        for (var i = 0; i < d.Alignments.Count; i++)
        {
            var path = RulePaths.Index("alignments", i);
            var alignment = d.Alignments[i];
            Required(alignment.TargetName, path + ".targetName", "name the skill, e.g. 'Cloud computing'", errors);
            if (Required(alignment.TargetUrl, path + ".targetUrl", "link the skill's page in its framework", errors) && !IsHttpUrl(alignment.TargetUrl))
            {
                errors.Add(Error(DefinitionErrorCodes.InvalidValue, path + ".targetUrl", $"targetUrl '{alignment.TargetUrl}' is not an absolute http(s) URL", "use the framework's public URL for the skill"));
            }
        }

        var strict = string.Equals(d.AchievementType, AchievementTypes.MicroCredential, StringComparison.Ordinal);
        Recommend(d.LearningOutcomes.Count > 0, "learningOutcomes", "list what the holder can do (learning outcomes)", strict, errors);
        Recommend(d.Workload is not null, "workload", "state the workload in hours (e.g. 'workload: { hours: 45 }')", strict, errors);
        Recommend(!string.IsNullOrWhiteSpace(d.AssessmentType), "assessmentType", "say how learners are assessed (e.g. 'Individual capstone project')", strict, errors);
        Recommend(d.Delivery is not null, "delivery", "state the delivery mode (virtual, in-person or hybrid)", strict, errors);
        Recommend(d.Alignments.Count > 0, "alignments", "align with a skill in a framework (ESCO, SFIA...) so employers can read it", strict: false, errors);
        Recommend(d.InLanguage is not null, "inLanguage", "state the language, e.g. 'inLanguage: en'", strict: false, errors);
        Recommend(d.Image is not null, "image", "add a badge image URL", strict: false, errors);
    }

    private static void CheckId(string id, List<DefinitionError> errors)
    {
        if (!Required(id, "id", "add a stable id such as 'cloud-computing'", errors))
        {
            return;
        }

        var valid = id.Length <= 100 && IsLowerAlphanumeric(id[0]);
        foreach (var c in id)
        {
            valid &= IsLowerAlphanumeric(c) || c is '-' or '_' or '.';
        }

        if (!valid)
        {
            errors.Add(Error(DefinitionErrorCodes.InvalidValue, "id", $"id '{id}' must use lowercase letters, digits, '-', '_' or '.' and start with a letter or digit",
                "for example 'cloud-computing'"));
        }
    }

    private static void CheckWorkload(Workload? workload, List<DefinitionError> errors)
    {
        if (workload is null)
        {
            return;
        }

        if (workload.Hours <= 0)
        {
            errors.Add(Error(DefinitionErrorCodes.InvalidValue, "workload.hours", "workload hours must be more than 0", "state the total notional hours, e.g. 45"));
        }

        if (workload.Weeks is <= 0)
        {
            errors.Add(Error(DefinitionErrorCodes.InvalidValue, "workload.weeks", "workload weeks must be more than 0", "e.g. weeks: 9"));
        }

        var min = workload.HoursPerWeekMin;
        var max = workload.HoursPerWeekMax ?? min;
        min ??= max;
        if (min is { } lo && max is { } hi)
        {
            if (lo <= 0 || hi < lo)
            {
                errors.Add(Error(DefinitionErrorCodes.InvalidValue, "workload.hoursPerWeekMin", $"hours per week {Fmt(lo)}–{Fmt(hi)} is not a range", "use 0 < hoursPerWeekMin <= hoursPerWeekMax"));
            }
            else if (workload.Weeks is { } weeks && weeks > 0 && workload.Hours > 0
                && (workload.Hours < (weeks * lo) - 0.01 || workload.Hours > (weeks * hi) + 0.01))
            {
                errors.Add(Error(DefinitionErrorCodes.InvalidValue, "workload.hours",
                    $"workload hours {Fmt(workload.Hours)} is outside {weeks} weeks × {Fmt(lo)}–{Fmt(hi)} h/week ({Fmt(weeks * lo)}–{Fmt(weeks * hi)} h)",
                    "make hours agree with weeks and hours per week"));
            }
        }
    }

    private static void CheckReferences(IReadOnlyList<Reference> references, string key, List<DefinitionError> errors)
    {
        for (var i = 0; i < references.Count; i++)
        {
            var path = RulePaths.Index(key, i);
            Required(references[i].Name, path + ".name", "name the body, e.g. the association or agency", errors);
            if (references[i].Url is { } url && !IsHttpUrl(url))
            {
                errors.Add(Error(DefinitionErrorCodes.InvalidValue, path + ".url", $"url '{url}' is not an absolute http(s) URL", "link a page where a verifier can check it"));
            }
        }
    }

    private static bool Required(string? value, string path, string hint, List<DefinitionError> errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var key = path[(path.LastIndexOf('.') + 1)..];
        errors.Add(Error(DefinitionErrorCodes.MissingRequired, path, $"{key} is required", hint));
        return false;
    }

    private static void Recommend(bool present, string path, string hint, bool strict, List<DefinitionError> errors)
    {
        if (present)
        {
            return;
        }

        errors.Add(strict
            ? Error(DefinitionErrorCodes.MissingRequired, path, $"{path} is required for a MicroCredential", hint)
            : Error(DefinitionErrorCodes.RecommendedMetadata, path, $"{path} is missing", hint) with { Severity = DefinitionSeverity.Warning });
    }

    internal static DefinitionError Error(string code, string path, string message, string? hint) =>
        new() { Code = code, Path = path, Message = message, Hint = hint };

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsLanguageTag(string tag)
    {
        var parts = tag.Split('-');
        if (parts[0].Length is < 2 or > 3)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 8)
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static string Fmt(double value) => AchievementValidator.Format(value);
}
