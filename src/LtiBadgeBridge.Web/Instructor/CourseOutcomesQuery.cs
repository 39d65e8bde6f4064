using Dapper;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Web.Instructor;

/// <summary>Reads <see cref="CourseOutcomes"/> from the course's enrollments and awards (read-only).</summary>
public sealed class CourseOutcomesQuery(Database database, CourseStore courses, AchievementStore achievements)
{
    /// <summary>The week <paramref name="day"/> falls in, as its Monday.</summary>
    public static DateOnly WeekOf(DateTimeOffset day)
    {
        var date = DateOnly.FromDateTime(day.UtcDateTime);
        var offset = ((int)date.DayOfWeek + 6) % 7;
        return date.AddDays(-offset);
    }

    public async Task<CourseOutcomes> LoadAsync(long platformId, long courseId, CancellationToken cancellationToken)
    {
        var members = await courses.ListMembersAsync(courseId, cancellationToken);
        var learners = members.Count(m => string.Equals(m.Enrollment.Status, "active", StringComparison.Ordinal) && SnapshotMapping.IsLearner(m.Enrollment.Roles));
        var active = await achievements.ListActiveAsync(platformId, courseId, cancellationToken);
        var counts = await CountAsync(courseId, cancellationToken);
        var outcomes = active.Select(a =>
        {
            var earned = counts.GetValueOrDefault((a.Achievement.Id, AwardStates.Earned));
            var pending = counts.GetValueOrDefault((a.Achievement.Id, AwardStates.PendingApproval));
            return new AchievementOutcome
            {
                AchievementId = a.Achievement.Id,
                Slug = a.Achievement.Slug,
                Name = a.Achievement.Name,
                InstitutionWide = a.Achievement.CourseId is null,
                Earned = earned,
                PendingApproval = pending,
                Revoked = counts.GetValueOrDefault((a.Achievement.Id, AwardStates.Revoked)),
                InProgress = Math.Max(0, learners - earned - pending),
                PassRate = learners == 0 ? null : Math.Round(100.0 * earned / learners, 1),
            };
        }).ToList();
        return new CourseOutcomes { Learners = learners, Achievements = outcomes, Weeks = await WeeksAsync(courseId, cancellationToken) };
    }

    /// <summary>Award counts of the course by (achievement, state).</summary>
    public async Task<Dictionary<(long AchievementId, string State), int>> CountAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT achievement_id, state, COUNT(*) AS awards FROM awards WHERE course_id = @courseId GROUP BY achievement_id, state",
            new { courseId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.AchievementId, r.State), r => (int)r.Awards);
    }

    private async Task<IReadOnlyList<WeeklyEarned>> WeeksAsync(long courseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var dates = (await connection.QueryAsync<EarnedRow>(new CommandDefinition(
            "SELECT earned_at FROM awards WHERE course_id = @courseId AND state = 'earned'",
            new { courseId }, cancellationToken: cancellationToken))).Select(r => WeekOf(r.EarnedAt)).ToList();
        if (dates.Count == 0)
        {
            return [];
        }

        var byWeek = dates.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        var weeks = new List<WeeklyEarned>();
        var total = 0;
        for (var week = byWeek.Keys.Min(); week <= byWeek.Keys.Max(); week = week.AddDays(7))
        {
            var earned = byWeek.GetValueOrDefault(week);
            total += earned;
            weeks.Add(new WeeklyEarned(week, earned, total));
        }

        return weeks;
    }

    private sealed record CountRow
    {
        public long AchievementId { get; init; }
        public required string State { get; init; }
        public long Awards { get; init; }
    }

    private sealed record EarnedRow
    {
        public DateTimeOffset EarnedAt { get; init; }
    }
}
