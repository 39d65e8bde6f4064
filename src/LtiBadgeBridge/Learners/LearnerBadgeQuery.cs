using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Credentials.Baking;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;

namespace LtiBadgeBridge.Learners;

/// <summary>
/// Reads what one learner may see in one course: their awards with their credentials, and the progress the last
/// evaluation stored for them (<c>decisions.progress</c>). A handful of indexed queries for one person; it never
/// evaluates rules, never reads another learner's rows and never shows a draft achievement.
/// </summary>
public sealed class LearnerBadgeQuery(Database database, IssuanceSettings settings, IssuerProfileStore issuers)
{
    private const int MaxCachedDefinitions = 512;

    // Stored versions never change: the display fields of (achievement, version) are read once. Per instance (one
    // per service, over one database): ids are only unique within a database.
    private readonly ConcurrentDictionary<(long, int), Display> displays = new();

    /// <summary>Every achievement of the course (its own and institution-wide) for the person.</summary>
    public async Task<LearnerCourse> CourseAsync(long platformId, long courseId, long personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sync = await connection.QuerySingleOrDefaultAsync<SyncRow>(new CommandDefinition(
            "SELECT last_success_at FROM sync_runs WHERE course_id = @courseId AND platform_id = @platformId",
            new { courseId, platformId }, cancellationToken: cancellationToken));
        var achievements = await LoadAsync(connection, platformId, courseId, personId, null, cancellationToken);
        return new LearnerCourse
        {
            LastSyncedAt = sync?.LastSuccessAt,
            Awarded = [.. achievements.Where(a => a.Badge is not null).OrderByDescending(a => a.Badge!.EarnedAt).ThenBy(a => a.Name, StringComparer.CurrentCulture)],
            NotYetEarned = [.. achievements.Where(a => a.Badge is null && a.Active).OrderBy(a => a.Name, StringComparer.CurrentCulture)],
        };
    }

    /// <summary>One achievement for the person, or null when it is not one of the course's (or does not exist).</summary>
    public async Task<LearnerAchievement?> AchievementAsync(long platformId, long courseId, long personId, long achievementId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await LoadAsync(connection, platformId, courseId, personId, achievementId, cancellationToken);
        return found.Count == 1 && (found[0].Active || found[0].Badge is not null) ? found[0] : null;
    }

    private async Task<List<LearnerAchievement>> LoadAsync(
        System.Data.Common.DbConnection connection, long platformId, long courseId, long personId, long? onlyId, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<AchievementRow>(new CommandDefinition(
            """
            SELECT a.id, a.course_id, a.slug, a.name, a.status, a.current_version, v.definition
            FROM achievements a JOIN achievement_versions v ON v.achievement_id = a.id AND v.version = a.current_version
            WHERE a.platform_id = @platformId AND (a.course_id = @courseId OR a.course_id IS NULL) AND a.status <> 'draft'
            """ + (onlyId is null ? "" : " AND a.id = @onlyId"),
            new { platformId, courseId, onlyId }, cancellationToken: cancellationToken))).AsList();

        // A course's own definition shadows an institution-wide one with the same id (as evaluation does).
        var courseSlugs = rows.Where(r => r.CourseId is not null).Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        if (onlyId is null)
        {
            rows.RemoveAll(r => r.CourseId is null && courseSlugs.Contains(r.Slug));
        }
        else if (rows is [{ CourseId: null } only] && await ShadowedAsync(connection, platformId, courseId, only.Slug, cancellationToken))
        {
            rows.Clear();
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var ids = InList(rows.Select(r => r.Id));
        var awards = (await connection.QueryAsync<AwardRow>(new CommandDefinition(
            $"""
            SELECT aw.id, aw.achievement_id, aw.state, aw.earned_at, aw.revoked_at, aw.revoked_reason,
                   c.public_id, CASE WHEN c.json_ld IS NULL THEN 0 ELSE 1 END AS has_json_ld, CASE WHEN c.jwt IS NULL THEN 0 ELSE 1 END AS has_jwt,
                   c.revoked_at AS credential_revoked_at
            FROM awards aw LEFT JOIN credentials c ON c.award_id = aw.id
            WHERE aw.platform_id = @platformId AND aw.person_id = @personId AND aw.achievement_id IN ({ids})
            """,
            new { platformId, personId }, cancellationToken: cancellationToken))).ToDictionary(a => a.AchievementId);
        var decisions = (await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            $"SELECT achievement_id, progress, evaluated_at FROM decisions WHERE person_id = @personId AND achievement_id IN ({ids})",
            new { personId }, cancellationToken: cancellationToken))).ToDictionary(d => d.AchievementId);

        string? issuerName = null;
        if (awards.Values.Any(a => a.PublicId is not null))
        {
            issuerName = (await issuers.GetAsync(platformId, cancellationToken))?.Name;
        }

        var result = new List<LearnerAchievement>(rows.Count);
        foreach (var row in rows)
        {
            var display = DisplayOf(row);
            result.Add(new LearnerAchievement
            {
                Id = row.Id,
                Name = display.Name,
                Description = display.Description,
                Criteria = display.Criteria,
                ImageDataUri = display.ImageDataUri,
                Active = row.Status == AchievementStatuses.Active,
                Badge = awards.TryGetValue(row.Id, out var award) ? Badge(award, display.Name, issuerName ?? "") : null,
                Progress = decisions.TryGetValue(row.Id, out var decision) ? Progress(decision) : null,
            });
        }

        return result;
    }

    private static async Task<bool> ShadowedAsync(System.Data.Common.DbConnection connection, long platformId, long courseId, string slug, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM achievements WHERE platform_id = @platformId AND course_id = @courseId AND slug = @slug AND status <> 'draft'",
            new { platformId, courseId, slug }, cancellationToken: cancellationToken)) > 0;

    private LearnerBadge Badge(AwardRow award, string name, string issuerName) => new()
    {
        AwardId = award.Id,
        State = award.State,
        EarnedAt = award.EarnedAt,
        RevokedAt = award.RevokedAt ?? award.CredentialRevokedAt,
        RevokedReason = award.RevokedReason,
        Credential = award.PublicId is not { } publicId ? null : new LearnerCredential
        {
            PublicId = publicId,
            HasJsonLd = award.HasJsonLd != 0,
            HasJwt = award.HasJwt != 0,
            Revoked = award.CredentialRevokedAt is not null,
            PageUrl = settings.CredentialPageUrl(publicId),
            LinkedInUrl = CredentialDocuments.LinkedIn(name, issuerName, award.EarnedAt, settings.CredentialPageUrl(publicId), publicId),
        },
    };

    /// <summary>The stored progress with the root group left out (its children are the criteria a learner reads).</summary>
    internal static LearnerProgress? Progress(DecisionRow decision)
    {
        DecisionProgress? stored;
        try
        {
            stored = JsonSerializer.Deserialize<DecisionProgress>(decision.Progress, AchievementJson.Progress);
        }
        catch (JsonException)
        {
            return null;
        }

        if (stored is null)
        {
            return null;
        }

        var criteria = stored.Criteria;
        var rootIsGroup = criteria is [{ Depth: 0, IsGroup: true }, _, ..];
        return new LearnerProgress
        {
            Outcome = stored.Outcome,
            Summary = stored.Summary,
            ShortBy = stored.ShortBy,
            EvaluatedAt = decision.EvaluatedAt,
            Criteria = [.. criteria.Where(c => !(rootIsGroup && c.Depth == 0)).Select(c => Criterion(c, rootIsGroup ? 1 : 0))],
        };
    }

    private static CriterionProgress Criterion(CriterionResult criterion, int depthOffset)
    {
        var numeric = criterion.RequiredValue is > 0 && criterion.CurrentValue is not null;
        return new CriterionProgress
        {
            Label = criterion.Label,
            Explanation = criterion.Explanation,
            Status = criterion.Status,
            Depth = Math.Max(1, criterion.Depth - depthOffset + 1),
            Max = numeric ? criterion.RequiredValue : null,
            Value = numeric ? Math.Clamp(criterion.CurrentValue!.Value, 0, criterion.RequiredValue!.Value) : null,
        };
    }

    private Display DisplayOf(AchievementRow row)
    {
        if (displays.TryGetValue((row.Id, row.CurrentVersion), out var cached))
        {
            return cached;
        }

        var definition = row.Definition is null ? null : AchievementDefinitionReader.Read(row.Definition).Definition;
        var name = definition?.Name ?? row.Name;
        var image = definition?.Image is { } own && own.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
            ? own
            : "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(DefaultBadgeImage.Svg(name)));
        var display = new Display(name, definition?.Description, Paragraphs(definition?.Criteria), image);
        if (displays.Count >= MaxCachedDefinitions)
        {
            displays.Clear();
        }

        displays[(row.Id, row.CurrentVersion)] = display;
        return display;
    }

    /// <summary>The narrative as written in a definition file: lines wrapped for the file join into paragraphs
    /// (separated by one blank line), so that the page can keep paragraph breaks and let lines flow.</summary>
    internal static string? Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : string.Join("\n\n", text.ReplaceLineEndings("\n")
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    private static string InList(IEnumerable<long> ids) => string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private sealed record Display(string Name, string? Description, string? Criteria, string ImageDataUri);

    private sealed class AchievementRow
    {
        public long Id { get; set; }
        public long? CourseId { get; set; }
        public string Slug { get; set; } = "";
        public string Name { get; set; } = "";
        public string Status { get; set; } = "";
        public int CurrentVersion { get; set; }
        public string? Definition { get; set; }
    }

    private sealed class SyncRow
    {
        public DateTimeOffset? LastSuccessAt { get; set; }
    }

    private sealed class AwardRow
    {
        public long Id { get; set; }
        public long AchievementId { get; set; }
        public string State { get; set; } = "";
        public DateTimeOffset EarnedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
        public string? RevokedReason { get; set; }
        public string? PublicId { get; set; }
        public int HasJsonLd { get; set; }
        public int HasJwt { get; set; }
        public DateTimeOffset? CredentialRevokedAt { get; set; }
    }

    internal sealed class DecisionRow
    {
        public long AchievementId { get; set; }
        public string Progress { get; set; } = "";
        public DateTimeOffset EvaluatedAt { get; set; }
    }
}
