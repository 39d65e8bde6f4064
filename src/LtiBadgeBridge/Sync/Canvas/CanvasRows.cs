using System.Globalization;
using LtiBadgeBridge.Platforms.Canvas;
using LtiBadgeBridge.Rules.Snapshots;
using LtiBadgeBridge.Snapshots;

namespace LtiBadgeBridge.Sync.Canvas;

/// <summary>Maps Canvas REST records to snapshot rows. Pure functions.</summary>
internal static class CanvasRows
{
    public const string Source = "canvas";
    private const int TextExcerptLength = 1000;

    /// <summary>The catalogue id of an assignment's rubric (Canvas embeds the rubric in the assignment).</summary>
    public static string RubricId(long assignmentId) => "canvas-assignment-" + assignmentId.ToString(CultureInfo.InvariantCulture);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static SnapshotItem Item(CanvasAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var hasRubric = assignment.Rubric is { Count: > 0 };
        return new SnapshotItem
        {
            Source = Source,
            SourceId = Id(assignment.Id),
            Title = assignment.Name ?? "Assignment " + Id(assignment.Id),
            Kind = "assignment",
            PointsPossible = (double?)assignment.PointsPossible,
            DueAt = assignment.DueAt,
            Details = SnapshotJson.ItemDetails(hasRubric ? RubricId(assignment.Id) : null),
        };
    }

    public static Rubric? Rubric(CanvasAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Rubric is not { Count: > 0 } criteria)
        {
            return null;
        }

        return new Rubric
        {
            Id = RubricId(assignment.Id),
            Title = assignment.Name,
            Criteria = criteria.Select(c => new RubricCriterion
            {
                Id = c.Id,
                Description = c.Description,
                Levels = (c.Ratings ?? []).Select(r => new RubricLevel { Id = r.Id, Name = r.Description ?? r.Id, Points = (double?)r.Points }).ToList(),
            }).ToList(),
        };
    }

    public static ScoreRow Score(CanvasSubmission submission, long itemId, long personId, double? pointsPossible)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var raw = (double?)submission.Score;
        var state = submission.Excused == true ? "excused"
            : raw is not null ? "graded"
            : submission.Missing == true ? "missing"
            : "ungraded";
        return new ScoreRow
        {
            ItemId = itemId,
            PersonId = personId,
            RawScore = raw,
            PointsPossible = pointsPossible,
            Percentage = raw is { } r && pointsPossible is > 0 ? Math.Round(r * 100 / pointsPossible.Value, 4) : null,
            State = state,
            Grade = submission.Grade,
            Late = submission.Late == true,
            Attempt = submission.Attempt,
            SubmittedAt = submission.SubmittedAt,
            GradedAt = submission.GradedAt,
        };
    }

    /// <summary>Every artifact of every attempt (from the submission history, or the submission itself).</summary>
    public static IEnumerable<ArtifactRow> Artifacts(CanvasSubmission submission, long itemId, long personId)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var attempts = submission.SubmissionHistory is { Count: > 0 } history ? history : [submission];
        foreach (var attempt in attempts)
        {
            if (attempt.SubmittedAt is null && attempt.Attempt is null or 0)
            {
                continue;
            }

            var n = attempt.Attempt ?? 1;
            var prefix = "attempt:" + n.ToString(CultureInfo.InvariantCulture);
            foreach (var file in attempt.Attachments ?? [])
            {
                yield return new ArtifactRow
                {
                    ItemId = itemId,
                    PersonId = personId,
                    ArtifactKey = prefix + ":file:" + Id(file.Id),
                    Kind = "file",
                    Url = file.Url,
                    FileName = file.DisplayName ?? file.Filename,
                    ContentType = file.ContentType,
                    SizeBytes = file.Size,
                    Attempt = n,
                    SubmittedAt = attempt.SubmittedAt,
                };
            }

            if (!string.IsNullOrEmpty(attempt.Url))
            {
                yield return new ArtifactRow
                {
                    ItemId = itemId, PersonId = personId, ArtifactKey = prefix + ":url", Kind = "url",
                    Url = attempt.Url, Attempt = n, SubmittedAt = attempt.SubmittedAt,
                };
            }

            if (!string.IsNullOrEmpty(attempt.Body))
            {
                yield return new ArtifactRow
                {
                    ItemId = itemId, PersonId = personId, ArtifactKey = prefix + ":text", Kind = "text",
                    TextExcerpt = attempt.Body.Length > TextExcerptLength ? attempt.Body[..TextExcerptLength] : attempt.Body,
                    ContentType = "text/html", SizeBytes = attempt.Body.Length, Attempt = n, SubmittedAt = attempt.SubmittedAt,
                };
            }
        }
    }

    public static IEnumerable<RubricResultRow> RubricResults(CanvasSubmission submission, long itemId, long personId, Rubric? rubric)
    {
        ArgumentNullException.ThrowIfNull(submission);
        foreach (var (criterionId, assessment) in submission.RubricAssessment ?? new Dictionary<string, CanvasRubricAssessment>())
        {
            var level = assessment.RatingId is null ? null : rubric?.FindCriterion(criterionId)?.Levels.FirstOrDefault(l => l.Id == assessment.RatingId);
            yield return new RubricResultRow
            {
                ItemId = itemId,
                PersonId = personId,
                CriterionId = criterionId,
                LevelId = assessment.RatingId,
                LevelName = level?.Name,
                Points = (double?)assessment.Points,
            };
        }
    }

    public static Outcome Outcome(CanvasOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new Outcome
        {
            Id = Id(outcome.Id),
            Name = outcome.DisplayName ?? outcome.Title,
            Source = OutcomeSource.CanvasOutcome,
            MasteryPoints = (double?)outcome.MasteryPoints,
        };
    }
}
