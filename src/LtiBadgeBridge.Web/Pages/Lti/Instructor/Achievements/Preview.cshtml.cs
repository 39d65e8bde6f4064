using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Web.Instructor;
using LtiBadgeBridge.Web.Instructor.Charts;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor.Achievements;

/// <summary>A dry run of the current version over the course's synced learners: who would earn it, who is close, what blocks most.</summary>
public sealed class PreviewModel(AchievementStore store, AchievementDryRunService dryRun, CourseStore courses) : InstructorPageModel
{
    [FromRoute(Name = "id")]
    public long Id { get; set; }

    public StoredAchievement? Achievement { get; private set; }

    public DryRunReport? Report { get; private set; }

    public IReadOnlyList<DefinitionError> Errors { get; private set; } = [];

    public BarChartModel? BlockedChart { get; private set; }

    public BarChartModel? MetChart { get; private set; }

    /// <summary>The course's people by LTI user id (the dry run reports learner ids only).</summary>
    public IReadOnlyDictionary<string, Person> People { get; private set; } = new Dictionary<string, Person>();

    public string NameOf(string learnerId) =>
        People.TryGetValue(learnerId, out var person) ? person.Name ?? person.Email ?? learnerId : learnerId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } problem)
        {
            return problem;
        }

        Achievement = await store.GetAsync(Id, cancellationToken);
        var version = Achievement is null ? null : await store.GetVersionAsync(Id, null, cancellationToken);
        if (Achievement is null || version is null || Achievement.PlatformId != LtiSession.PlatformId || Achievement.CourseId != CourseId)
        {
            return ProblemPage(StatusCodes.Status404NotFound, AchievementErrorCodes.AchievementNotFound, "This achievement does not exist in this course.");
        }

        var result = await dryRun.RunAsync(CourseId, version.Definition, Achievement.Slug, null, cancellationToken);
        Errors = result.Errors;
        Report = result.Report;
        if (Report is not null)
        {
            People = (await courses.ListMembersAsync(CourseId, cancellationToken))
                .GroupBy(m => m.Person.LtiUserId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Person, StringComparer.Ordinal);
            var bottleneck = Report.Bottleneck?.CriterionId;
            BlockedChart = new BarChartModel
            {
                Id = "chart-blocked",
                Title = "Learners each criterion blocks",
                Description = $"For each of the {Report.Criteria.Count} criteria, how many of the {Report.Learners} learners it holds back"
                    + (Report.Bottleneck is { } b ? $"; '{b.Label}' blocks the most ({b.Blocked})." : "; no criterion blocks anyone."),
                CategoryLabel = "Criterion",
                ValueLabel = "Learners blocked",
                FixedMax = Math.Max(1, Report.Learners),
                Bars = [.. Report.Criteria.Select(c => new ChartBar(c.Label, c.Blocked,
                    Note(c, c.CriterionId == bottleneck), Highlight: c.CriterionId == bottleneck))],
            };
            MetChart = new BarChartModel
            {
                Id = "chart-met",
                Title = "Learners who meet each criterion",
                Description = $"For each criterion, how many of the {Report.Learners} learners meet it now.",
                CategoryLabel = "Criterion",
                ValueLabel = "Learners meeting it",
                FixedMax = Math.Max(1, Report.Learners),
                Bars = [.. Report.Criteria.Select(c => new ChartBar(c.Label, c.Met))],
            };
        }

        return Page();
    }

    private static string? Note(CriterionBlockCount count, bool bottleneck)
    {
        var parts = new List<string>();
        if (bottleneck)
        {
            parts.Add("blocks the most learners");
        }

        if (count.BlockedAlone > 0)
        {
            parts.Add($"the only thing missing for {count.BlockedAlone}");
        }

        if (count.Pending > 0)
        {
            parts.Add($"{count.Pending} still to be graded");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
