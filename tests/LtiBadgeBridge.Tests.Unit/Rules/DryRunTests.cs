using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class DryRunTests
{
    private static readonly AllRule Rules = new()
    {
        Rules =
        [
            new CourseScoreRule { Id = "grade", MinPercent = 70 },
            new RubricRule { Id = "rubric", ItemId = Capstone, MinLevel = "Proficient" },
            new EvidenceRule { Id = "repo", ItemId = Capstone, Type = ArtifactType.Url, UrlHosts = ["github.com"] },
        ],
    };

    private static DryRunLearner Learner(string id, double grade, string architecture, bool repository) => new(
        RuleTestData.Learner(
            course: new CourseScore { FinalPercent = grade },
            rubrics: [Rated(Capstone, architecture, "Exemplary")],
            artifacts: repository ? [Link("https://github.com/" + id)] : [],
            learnerId: id),
        EarnedAchievements.None);

    [Fact]
    public void Run_FindsEarnersCloseLearnersAndTheBottleneck()
    {
        var learners = new[]
        {
            Learner("earns", 85, "Proficient", repository: true),
            Learner("no-repo", 85, "Proficient", repository: false),        // one short: close
            Learner("grade-67", 67, "Exemplary", repository: true),          // 3 points short: close
            Learner("weak-architecture", 90, "Developing", repository: false), // two short
            Learner("far", 40, "Beginning", repository: false),               // three short
        };

        var report = DryRun.Run(Compile(Rules), learners, new DryRunOptions { CloseMargin = 5 });

        Assert.Equal(5, report.Learners);
        Assert.Equal(["earns"], report.WouldEarn);
        Assert.Equal(["no-repo", "grade-67"], report.Close.Select(c => c.LearnerId));
        Assert.Equal("Course grade: 67 % of 70 % needed", Assert.Single(report.Close[1].Blocking).Explanation);
        Assert.Equal(["grade", "rubric/crit_architecture", "rubric/crit_implementation", "repo"], report.Criteria.Select(c => c.CriterionId));
        var repo = report.Criteria.Single(c => c.CriterionId == "repo");
        Assert.Equal(3, repo.Blocked);
        Assert.Equal(1, repo.BlockedAlone);
        Assert.Equal(2, report.Criteria.Single(c => c.CriterionId == "grade").Blocked);
        Assert.Equal("repo", report.Bottleneck!.CriterionId);
    }

    [Fact]
    public void Run_WithinMargin_CountsSeveralNumericGapsAsClose()
    {
        var rules = new AllRule { Rules = [CoursePercent(70), ItemPercent(Capstone, 70)] };
        var learner = new DryRunLearner(RuleTestData.Learner([Graded(Capstone, 66)], new CourseScore { FinalPercent = 68 }, learnerId: "l"), EarnedAchievements.None);

        var close = DryRun.Run(Compile(rules), [learner], new DryRunOptions { CloseMargin = 5, CloseShortBy = 1 });
        var strict = DryRun.Run(Compile(rules), [learner], new DryRunOptions { CloseMargin = 3, CloseShortBy = 1 });

        Assert.Single(close.Close);
        Assert.Empty(strict.Close);
    }

    [Fact]
    public void Run_ApprovalGate_ReportsWhoWouldWait()
    {
        var compiled = Compile(CoursePercent(70), requiresApproval: true);
        var learner = new DryRunLearner(RuleTestData.Learner(course: new CourseScore { FinalPercent = 80 }, learnerId: "l"), EarnedAchievements.None);

        var report = DryRun.Run(compiled, [learner]);

        Assert.Equal(["l"], report.WouldEarn);
        Assert.Equal(["l"], report.AwaitingApproval);
        Assert.Null(report.Bottleneck);
    }
}
