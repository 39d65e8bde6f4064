using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LtiBadgeBridge.Credentials.Issuers;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using Ob3Achievement = LtiBadgeBridge.Credentials.Ob3.AchievementDefinition;
using RulesAchievement = LtiBadgeBridge.Rules.Definitions.AchievementDefinition;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Turns an award (its achievement version's definition, results and evidence, and the learner) into the
/// <see cref="OpenBadgeCredentialInput"/> of its credential. Pure: the same award gives the same input.
/// </summary>
public static class AwardCredentialMapper
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The credential id of an award: deterministic in (registration, learner, achievement).</summary>
    public static string CredentialId(AwardRow award)
    {
        ArgumentNullException.ThrowIfNull(award);
        return CredentialIds.ForAward(Text(award.PlatformId), award.LtiUserId, Text(award.AchievementId));
    }

    /// <summary>The credential input, or an error message when the award cannot be issued (no readable definition).</summary>
    public static (OpenBadgeCredentialInput? Input, string? Error) Map(
        AwardRow award, IssuerProfile issuer, IssuanceSettings settings, StatusListEntry? status, string salt,
        Func<string, AchievementDocument>? read = null)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(settings);
        if (award.Definition is null)
        {
            return (null, $"achievement {award.AchievementId} has no version {award.RuleVersion}");
        }

        var document = read is null ? AchievementDefinitionReader.Read(award.Definition) : read(award.Definition);
        if (document.Definition is null || document.Errors.Count > 0 && string.IsNullOrWhiteSpace(document.Definition.Name))
        {
            return (null, $"achievement {award.AchievementId} version {award.RuleVersion} is not a readable definition");
        }

        var achievementUrl = settings.AchievementUrl(award.AchievementId);
        var results = ReadList<AchievedResult>(award.Result);
        var achievement = ToAchievement(document.Definition, achievementUrl, award.RuleVersion, results);
        var input = new OpenBadgeCredentialInput
        {
            Id = CredentialId(award),
            Issuer = issuer,
            Achievement = achievement,
            Learner = new LearnerIdentity
            {
                SubjectId = CredentialIds.ForLearner(Text(award.PlatformId), award.LtiUserId),
                Email = string.IsNullOrWhiteSpace(award.Email) ? null : award.Email,
                LtiUserId = award.LtiUserId,
                Salt = salt,
            },
            AwardedAt = award.EarnedAt,
            Results = [.. results.Select(r => new AwardResult { ResultDescriptionId = ResultDescriptionId(achievementUrl, r.CriterionId), Value = r.Value })],
            Evidence = [.. ReadList<Artifact>(award.Evidence).Select(ToEvidence).OfType<EvidenceItem>()],
            Status = status,
        };
        return (input, null);
    }

    /// <summary>The OB 3.0 Achievement of a rules definition (the EU elements go to the narrative and metadata).</summary>
    public static Ob3Achievement ToAchievement(RulesAchievement d, Uri achievementUrl, int version, IReadOnlyList<AchievedResult> results)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(results);
        return new Ob3Achievement
        {
            Id = achievementUrl,
            AchievementType = string.IsNullOrWhiteSpace(d.AchievementType) ? "MicroCredential" : d.AchievementType,
            Name = d.Name,
            Description = d.Description,
            CriteriaNarrative = Narrative(d),
            Image = Uri.TryCreate(d.Image, UriKind.Absolute, out var image) ? image : null,
            Alignments = [.. d.Alignments.Where(a => Uri.TryCreate(a.TargetUrl, UriKind.Absolute, out _)).Select(a => new AchievementAlignment
            {
                TargetName = a.TargetName,
                TargetUrl = new Uri(a.TargetUrl),
                TargetFramework = a.TargetFramework,
                TargetCode = a.TargetCode,
                TargetDescription = a.TargetDescription,
                TargetType = a.TargetType,
            })],
            ResultDescriptions = [.. results.DistinctBy(r => r.CriterionId).Select(r => new ResultDescriptionDefinition
            {
                Id = ResultDescriptionId(achievementUrl, r.CriterionId),
                Name = r.Name,
                ResultType = r.ResultType,
            })],
            CreditsAvailable = d.CreditsAvailable is { } credits ? (decimal)credits : null,
            HumanCode = d.HumanCode,
            FieldOfStudy = d.FieldOfStudy,
            InLanguage = d.InLanguage,
            Tags = d.Tags,
            MicroCredential = new MicroCredentialMetadata
            {
                WorkloadHours = d.Workload is { } w ? (decimal)w.Hours : null,
                AssessmentType = d.AssessmentType,
                DeliveryMode = d.Delivery is { } delivery ? DeliveryText(delivery) : null,
                QualityAssurance = d.QualityAssurance.Count == 0 ? null : string.Join("; ", d.QualityAssurance.Select(q => q.Url is null ? q.Name : $"{q.Name} ({q.Url})")),
                Prerequisites = d.Prerequisites.Count == 0 ? null : string.Join("; ", d.Prerequisites),
            },
            Version = version.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Narrative(RulesAchievement d)
    {
        var builder = new StringBuilder(d.Criteria.TrimEnd());
        if (d.LearningOutcomes.Count > 0)
        {
            builder.Append("\n\n**Learning outcomes**\n");
            foreach (var outcome in d.LearningOutcomes)
            {
                builder.Append("\n- ").Append(outcome);
            }
        }

        if (!string.IsNullOrWhiteSpace(d.Level))
        {
            builder.Append("\n\nLevel: ").Append(d.Level);
        }

        return builder.ToString();
    }

    private static string DeliveryText(Delivery delivery)
    {
        var mode = delivery.Mode switch
        {
            DeliveryMode.Virtual => "Online",
            DeliveryMode.InPerson => "In person",
            _ => "Hybrid",
        };
        var schedule = delivery.Schedule switch
        {
            DeliverySchedule.NonConcurrent => ", asynchronous",
            DeliverySchedule.Concurrent => ", synchronous",
            _ => "",
        };
        return mode + schedule + (string.IsNullOrWhiteSpace(delivery.Cost) ? "" : $" (cost: {delivery.Cost})");
    }

    private static EvidenceItem? ToEvidence(Artifact artifact) =>
        Uri.TryCreate(artifact.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? new EvidenceItem
            {
                Id = url,
                Name = artifact.FileName ?? (artifact.Type == ArtifactType.Url ? "Submitted link" : "Submitted file"),
                Genre = artifact.Type == ArtifactType.Url ? "Link" : "File",
                Description = artifact.SubmittedAt is { } at ? "Submitted " + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            }
            : null;

    private static string ResultDescriptionId(Uri achievementUrl, string criterionId) => achievementUrl.AbsoluteUri + "#" + Uri.EscapeDataString(criterionId);

    private static IReadOnlyList<T> ReadList<T>(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
