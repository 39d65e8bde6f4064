using System.Text.Json;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Achievements;

/// <summary>
/// Turns the snapshot tables' rows into the rules engine's inputs: the course catalogue (items by their
/// LMS <c>source_id</c>, rubrics and outcomes from <c>catalogue_entries</c>) and one
/// <see cref="LearnerSnapshot"/> per learner. Pure; unreadable detail JSON leaves the entry out instead of failing.
/// </summary>
public static class SnapshotMapping
{
    /// <summary>The id the catalogue and snapshots carry for a course: the LMS course id, else the LTI context id.</summary>
    public static string CatalogueCourseId(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return string.IsNullOrEmpty(course.LmsCourseId) ? course.ContextId : course.LmsCourseId;
    }

    public static CourseCatalogue ToCatalogue(Course course, IReadOnlyList<SnapshotItem> items, IReadOnlyList<CatalogueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(entries);
        var courseItems = new List<CourseItem>(items.Count);
        foreach (var item in items)
        {
            var details = ReadDetails(item.Details);
            courseItems.Add(new CourseItem
            {
                Id = item.SourceId,
                Name = item.Title,
                PointsPossible = item.PointsPossible,
                Kind = KindOf(item),
                RubricId = details?.RubricId,
                GradedAsGroup = details?.GradedAsGroup ?? false,
            });
        }

        var rubrics = new List<Rubric>();
        var outcomes = new List<Outcome>();
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Kind, CatalogueKinds.Rubric, StringComparison.Ordinal) && Deserialize<Rubric>(entry.Details) is { } rubric)
            {
                rubrics.Add(rubric with { Id = entry.SourceId, Title = rubric.Title ?? entry.Title });
            }
            else if (string.Equals(entry.Kind, CatalogueKinds.Outcome, StringComparison.Ordinal) && Deserialize<Outcome>(entry.Details) is { } outcome)
            {
                outcomes.Add(outcome with { Id = entry.SourceId, Name = outcome.Name ?? entry.Title });
            }
        }

        return new CourseCatalogue { CourseId = CatalogueCourseId(course), Items = courseItems, Rubrics = rubrics, Outcomes = outcomes };
    }

    /// <summary>True for a learner (LTI Learner / Student role) who is not also teaching the course.</summary>
    public static bool IsLearner(string roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var learner = false;
        foreach (var role in roles.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = role[(role.LastIndexOfAny(['#', '/']) + 1)..];
            if (name.Equals("Learner", StringComparison.OrdinalIgnoreCase) || name.Equals("Student", StringComparison.OrdinalIgnoreCase)
                || name.Equals("StudentEnrollment", StringComparison.OrdinalIgnoreCase))
            {
                learner = true;
            }
            else if (name.Equals("Instructor", StringComparison.OrdinalIgnoreCase) || name.Equals("TeachingAssistant", StringComparison.OrdinalIgnoreCase)
                || name.Equals("ContentDeveloper", StringComparison.OrdinalIgnoreCase) || name.Equals("Administrator", StringComparison.OrdinalIgnoreCase)
                || name.Equals("TeacherEnrollment", StringComparison.OrdinalIgnoreCase) || name.Equals("TaEnrollment", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return learner;
    }

    /// <summary>
    /// The learners of a page as snapshots, in person id order, each with its person id. Rows of items
    /// not in <paramref name="itemSourceIds"/> (deleted since) are left out.
    /// </summary>
    public static IReadOnlyList<(Person Person, LearnerSnapshot Snapshot)> ToLearners(
        CourseSnapshotPage page, IReadOnlyDictionary<long, string> itemSourceIds, string catalogueCourseId)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(itemSourceIds);
        var scores = GroupByPerson(page.Scores, s => s.PersonId);
        var artifacts = GroupByPerson(page.Artifacts, a => a.PersonId);
        var rubric = GroupByPerson(page.RubricResults, r => r.PersonId);
        var outcomes = GroupByPerson(page.OutcomeResults, o => o.PersonId);
        var result = new List<(Person, LearnerSnapshot)>(page.People.Count);
        for (var i = 0; i < page.People.Count; i++)
        {
            var person = page.People[i];
            var enrollment = page.Enrollments[i];
            if (!IsLearner(enrollment.Roles))
            {
                continue;
            }

            result.Add((person, ToLearner(person, enrollment, catalogueCourseId, itemSourceIds,
                scores.GetValueOrDefault(person.Id), artifacts.GetValueOrDefault(person.Id),
                rubric.GetValueOrDefault(person.Id), outcomes.GetValueOrDefault(person.Id))));
        }

        return result;
    }

    public static LearnerSnapshot ToLearner(
        Person person,
        Enrollment enrollment,
        string catalogueCourseId,
        IReadOnlyDictionary<long, string> itemSourceIds,
        IReadOnlyList<ScoreRow>? scores,
        IReadOnlyList<ArtifactRow>? artifacts,
        IReadOnlyList<RubricResultRow>? rubricResults,
        IReadOnlyList<OutcomeResultRow>? outcomeResults)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(itemSourceIds);
        var itemScores = new List<ItemScore>(scores?.Count ?? 0);
        var attempts = new Dictionary<long, int>();
        foreach (var score in scores ?? [])
        {
            if (!itemSourceIds.TryGetValue(score.ItemId, out var itemId))
            {
                continue;
            }

            attempts[score.ItemId] = score.Attempt ?? 1;
            var raw = score.RawScore;
            var possible = score.PointsPossible;
            if (raw is null && score.Percentage is { } percent)
            {
                // Only a percentage was synced: express it over 100 points.
                raw = percent;
                possible = 100;
            }

            itemScores.Add(new ItemScore
            {
                ItemId = itemId,
                Score = raw,
                PointsPossible = possible,
                State = StateOf(score.State),
                Late = score.Late,
                SubmittedAt = score.SubmittedAt,
                Attempt = score.Attempt ?? 1,
            });
        }

        var assessments = new List<RubricAssessment>();
        if (rubricResults is { Count: > 0 })
        {
            foreach (var group in rubricResults.GroupBy(r => r.ItemId))
            {
                if (!itemSourceIds.TryGetValue(group.Key, out var itemId))
                {
                    continue;
                }

                assessments.Add(new RubricAssessment
                {
                    ItemId = itemId,
                    Attempt = attempts.GetValueOrDefault(group.Key, 1),
                    Ratings = [.. group.Select(r => new CriterionRating { CriterionId = r.CriterionId, LevelId = r.LevelId, LevelName = r.LevelName, Points = r.Points })],
                });
            }
        }

        var results = new List<OutcomeResult>(outcomeResults?.Count ?? 0);
        foreach (var outcome in outcomeResults ?? [])
        {
            results.Add(new OutcomeResult { OutcomeId = outcome.OutcomeId, Score = outcome.Score, LevelId = outcome.Level, LevelName = outcome.Level, Mastered = outcome.Mastered });
        }

        var submitted = new List<Artifact>(artifacts?.Count ?? 0);
        foreach (var artifact in artifacts ?? [])
        {
            if (!itemSourceIds.TryGetValue(artifact.ItemId, out var itemId) || ArtifactTypeOf(artifact.Kind) is not { } type)
            {
                continue;
            }

            submitted.Add(new Artifact
            {
                ItemId = itemId,
                Type = type,
                Url = artifact.Url,
                FileName = artifact.FileName,
                ContentType = artifact.ContentType,
                Size = artifact.SizeBytes ?? (type == ArtifactType.Text ? artifact.TextExcerpt?.Length : null),
                Attempt = artifact.Attempt ?? 1,
                SubmittedAt = artifact.SubmittedAt,
            });
        }

        return new LearnerSnapshot
        {
            LearnerId = person.LtiUserId,
            CourseId = catalogueCourseId,
            Scores = itemScores,
            CourseScore = enrollment.FinalScore is null && enrollment.CurrentScore is null
                ? null
                : new CourseScore { FinalPercent = enrollment.FinalScore, CurrentPercent = enrollment.CurrentScore },
            RubricAssessments = assessments,
            OutcomeResults = results,
            Artifacts = submitted,
        };
    }

    public static ScoreState StateOf(string state) => state switch
    {
        "graded" => ScoreState.Graded,
        "excused" => ScoreState.Excused,
        "missing" => ScoreState.Missing,
        _ => ScoreState.Ungraded,
    };

    public static ArtifactType? ArtifactTypeOf(string kind) => kind switch
    {
        "file" => ArtifactType.File,
        "url" => ArtifactType.Url,
        "text" => ArtifactType.Text,
        _ => null,
    };

    private static ItemKind KindOf(SnapshotItem item) => item.Kind.ToUpperInvariant() switch
    {
        "ASSIGNMENT" => ItemKind.Assignment,
        "QUIZ" => ItemKind.Quiz,
        "DISCUSSION" or "DISCUSSION_TOPIC" => ItemKind.Discussion,
        "LINEITEM" or "LINE_ITEM" or "LINE-ITEM" => ItemKind.LineItem,
        _ when string.Equals(item.Source, "ags", StringComparison.Ordinal) => ItemKind.LineItem,
        _ => ItemKind.Other,
    };

    private static ItemDetails? ReadDetails(string? json) => Deserialize<ItemDetails>(json);

    private static T? Deserialize<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, AchievementJson.Lenient);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<long, List<T>> GroupByPerson<T>(IReadOnlyList<T> rows, Func<T, long> personOf)
    {
        var groups = new Dictionary<long, List<T>>();
        foreach (var row in rows)
        {
            var person = personOf(row);
            if (!groups.TryGetValue(person, out var list))
            {
                groups[person] = list = [];
            }

            list.Add(row);
        }

        return groups;
    }

    private sealed record ItemDetails
    {
        public string? RubricId { get; init; }
        public bool GradedAsGroup { get; init; }
    }
}

/// <summary>The kinds of <c>catalogue_entries</c>.</summary>
public static class CatalogueKinds
{
    public const string Rubric = "rubric";
    public const string Outcome = "outcome";
}
