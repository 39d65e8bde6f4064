using System.Globalization;
using LtiBadgeBridge.Web.Instructor;
using LtiBadgeBridge.Web.Instructor.Charts;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Lti.Instructor;

/// <summary>Course outcomes: per achievement enrolled / in progress / earned / pass rate, and earned per week.</summary>
public sealed class OutcomesModel(CourseOutcomesQuery query) : InstructorPageModel
{
    public CourseOutcomes? Outcomes { get; private set; }

    public BarChartModel? PassRateChart { get; private set; }

    public BarChartModel? WeeklyChart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (RequireCourse() is { } problem)
        {
            return problem;
        }

        Outcomes = await query.LoadAsync(LtiSession.PlatformId, CourseId, cancellationToken);
        PassRateChart = new BarChartModel
        {
            Id = "chart-pass-rate",
            Title = "Pass rate per achievement",
            Description = $"The share of the course's {Outcomes.Learners} learners who earned each achievement.",
            CategoryLabel = "Achievement",
            ValueLabel = "Pass rate",
            Unit = "%",
            Integers = false,
            FixedMax = 100,
            Bars = [.. Outcomes.Achievements.Select(a => new ChartBar(a.Name, a.PassRate ?? 0, $"{a.Earned} of {Outcomes.Learners}"))],
        };
        WeeklyChart = new BarChartModel
        {
            Id = "chart-weekly",
            Title = "Badges earned per week",
            Description = Outcomes.Weeks.Count == 0
                ? "No badges earned yet."
                : $"Badges earned in each week from {Outcomes.Weeks[0].WeekStart:yyyy-MM-dd} to {Outcomes.Weeks[^1].WeekStart:yyyy-MM-dd}, {Outcomes.Weeks[^1].Cumulative} in all.",
            CategoryLabel = "Week of",
            ValueLabel = "Badges earned",
            Bars = [.. Outcomes.Weeks.Select(w => new ChartBar(w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Earned, $"{w.Cumulative} in all"))],
        };
        return Page();
    }
}
