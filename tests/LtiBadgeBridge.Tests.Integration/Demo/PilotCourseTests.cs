using LtiBadgeBridge.Web.Demo.Data;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The demo course has the pilot's shape and ids, the same on every run.</summary>
public sealed class PilotCourseTests
{
    private static readonly PilotCourse Course = PilotCourseBuilder.Build();

    [Fact]
    public void Course_HasThePilotsIds_FromTheAchievementDefinition()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot(), "config", "achievements", "cloud-computing.yaml"));

        Assert.Contains($"course                    {PilotCourse.CourseId}", yaml, StringComparison.Ordinal);
        Assert.Contains($"assignment {PilotCourse.CapstoneAssignmentId}, 100 points, rubric {PilotCourse.CapstoneRubricId}", yaml, StringComparison.Ordinal);
        Assert.Equal(100, Course.Capstone.PointsPossible);
        Assert.Equal(PilotCourse.CapstoneRubricId, Course.Capstone.RubricId);
        Assert.All(Course.Rubric, c => Assert.Contains(c.Id, yaml, StringComparison.Ordinal));
    }

    [Fact]
    public void Learners_Are43_WithDistinctIdsAndAboutSeventyTwoPercentEarning()
    {
        var earning = Course.Learners.Count(MeetsEveryRule);
        var passing = Course.Learners.Count(l => Course.FinalScore(l.UserId) >= 70);

        Assert.Equal(43, Course.Learners.Count);
        Assert.Equal(43, Course.Learners.Select(l => l.Subject).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(43, Course.Learners.Select(l => l.Email).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(31, earning);
        Assert.Equal(33, passing);
        Assert.Equal(10, Course.Assignments.Count);
    }

    [Fact]
    public void FeaturedLearners_TellTheirStories()
    {
        var learners = Course.Learners;

        Assert.True(MeetsEveryRule(learners[0]));
        Assert.InRange(Course.FinalScore(learners[1].UserId), 70, 100);
        Assert.Contains(2, Capstone(learners[1]).Rubric!.Values);
        Assert.InRange(Course.FinalScore(learners[2].UserId), 65, 69.99m);
        Assert.DoesNotContain("github.com", Capstone(learners[3]).Url!, StringComparison.Ordinal);
        Assert.All(learners.Take(4).Skip(1), l => Assert.False(MeetsEveryRule(l)));
    }

    [Fact]
    public void Build_IsDeterministic()
    {
        var again = PilotCourseBuilder.Build();

        Assert.Equal(Course.Learners.Select(l => l.Subject), again.Learners.Select(l => l.Subject));
        Assert.Equal(Course.Submissions.Select(s => s.Score), again.Submissions.Select(s => s.Score));
    }

    private static PilotSubmission Capstone(PilotPerson learner) =>
        Course.SubmissionsOf(learner.UserId).Single(s => s.AssignmentId == PilotCourse.CapstoneAssignmentId);

    private static bool MeetsEveryRule(PilotPerson learner)
    {
        var capstone = Capstone(learner);
        return Course.FinalScore(learner.UserId) >= 70
            && capstone.Rubric is { } rubric && rubric.Values.All(points => points >= 3)
            && Uri.TryCreate(capstone.Url, UriKind.Absolute, out var url) && url.Host is "github.com" or "gitlab.com";
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LtiBadgeBridge.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
