using LtiBadgeBridge.Rules.Definitions;
using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class ScoreRuleTests
{
    public static TheoryData<string, ItemScore[], CriterionStatus, string> CapstoneCases => new()
    {
        { "below", [Graded(Capstone, 64)], CriterionStatus.NotMet, "Capstone: 64 % of 70 % needed" },
        { "exactly at", [Graded(Capstone, 70)], CriterionStatus.Met, "Capstone: 70 % (70 % needed)" },
        { "over 100 % (extra credit)", [Graded(Capstone, 105)], CriterionStatus.Met, "Capstone: 105 % (70 % needed)" },
        { "no score yet", [], CriterionStatus.Pending, "Capstone: not graded yet, 70 % needed" },
        { "submitted, ungraded", [new() { ItemId = Capstone, State = ScoreState.Ungraded }], CriterionStatus.Pending, "Capstone: not graded yet, 70 % needed" },
        { "excused", [new() { ItemId = Capstone, State = ScoreState.Excused }], CriterionStatus.NotMet, "Capstone: excused, so it cannot count toward this badge; ask your instructor" },
        { "missing counts as 0", [new() { ItemId = Capstone, State = ScoreState.Missing }], CriterionStatus.NotMet, "Capstone: missing, counted as 0, 70 % needed" },
        { "late but passing", [Graded(Capstone, 80, late: true)], CriterionStatus.Met, "Capstone: 80 % (70 % needed); submitted late (any late penalty is in the grade)" },
        { "resubmission: latest graded attempt counts", [Graded(Capstone, 90, attempt: 1), Graded(Capstone, 60, attempt: 2)], CriterionStatus.NotMet, "Capstone: 60 % of 70 % needed; attempt 2 counts" },
        { "resubmission order in the list does not matter", [Graded(Capstone, 60, attempt: 2), Graded(Capstone, 90, attempt: 1)], CriterionStatus.NotMet, "Capstone: 60 % of 70 % needed; attempt 2 counts" },
        { "ungraded resubmission: previous graded attempt counts", [Graded(Capstone, 80, attempt: 1), new() { ItemId = Capstone, State = ScoreState.Ungraded, Attempt = 2 }], CriterionStatus.Met, "Capstone: 80 % (70 % needed)" },
        { "score carries its own points possible", [new() { ItemId = Capstone, Score = 40, PointsPossible = 50 }], CriterionStatus.Met, "Capstone: 80 % (70 % needed)" },
        { "zero points possible on the score: no divide by zero", [new() { ItemId = Capstone, Score = 5, PointsPossible = 0 }], CriterionStatus.NotMet, "Capstone: has no points possible, so no percentage can be computed" },
    };

    [Theory]
    [MemberData(nameof(CapstoneCases))]
    public void Evaluate_ItemPercent_FollowsTheScorePolicy(string scenario, ItemScore[] scores, CriterionStatus expected, string explanation)
    {
        var decision = Evaluate(ItemPercent(Capstone, 70), Learner(scores));

        var criterion = Assert.Single(decision.Criteria);
        Assert.True(expected == criterion.Status, scenario);
        Assert.Equal(explanation, criterion.Explanation);
        Assert.Equal(expected == CriterionStatus.Met ? DecisionStatus.Met : DecisionStatus.NotMet, decision.Status);
    }

    [Theory]
    [InlineData(35, 34.5, false, "Capstone: 34.5 of 35 points needed")]
    [InlineData(35, 35, true, "Capstone: 35 of 35 points needed, met")]
    public void Evaluate_ItemPoints_ComparesRawScore(double minPoints, double score, bool met, string explanation)
    {
        var rule = new ItemScoreRule { ItemId = Capstone, Threshold = Threshold.Points(minPoints) };

        var criterion = Assert.Single(Evaluate(rule, Learner([Graded(Capstone, score)])).Criteria);

        Assert.Equal(met, criterion.Met);
        Assert.Equal(explanation, criterion.Explanation);
        Assert.Equal("points", criterion.Unit);
    }

    [Fact]
    public void Evaluate_PointsThresholdOnZeroPointItem_UsesRawPoints()
    {
        var rule = new ItemScoreRule { ItemId = Ungradable, Threshold = Threshold.Points(1) };

        var decision = Evaluate(rule, Learner([Graded(Ungradable, 1)]));

        Assert.Equal(DecisionStatus.Met, decision.Status);
    }

    [Fact]
    public void Evaluate_MetItem_StatesTheGradeAsAResult()
    {
        var decision = Evaluate(ItemPercent(Capstone, 70), Learner([Graded(Capstone, 82.5)]));

        var result = Assert.Single(decision.Results);
        Assert.Equal(AchievedResult.Types.Percent, result.ResultType);
        Assert.Equal("82.5", result.Value);
        Assert.Equal(Capstone, result.ItemId);
    }

    public static TheoryData<string, ItemScore[], CriterionStatus, double?, string> AverageCases => new()
    {
        // Lab 1 = 10 points, Lab 2 = 20, Lab 3 = 50; weights 1, 1, 2.
        { "weighted average met", [Graded(Lab1, 8), Graded(Lab2, 14), Graded(Lab3, 35)], CriterionStatus.Met, 72.5, "Labs: 72.5 % (70 % needed)" },
        { "weighted average below", [Graded(Lab1, 10), Graded(Lab2, 20), Graded(Lab3, 20)], CriterionStatus.NotMet, 70, "Labs: 70 % (70 % needed)" },
        { "excused item left out and said so", [Graded(Lab1, 8), new() { ItemId = Lab2, State = ScoreState.Excused }, Graded(Lab3, 35)], CriterionStatus.Met, 220d / 3, "Labs: 73.3 % (70 % needed); 1 item excused and not counted" },
        { "missing counts as 0", [Graded(Lab1, 10), new() { ItemId = Lab2, State = ScoreState.Missing }, Graded(Lab3, 50)], CriterionStatus.Met, 75, "Labs: 75 % (70 % needed); 1 item missing, counted as 0" },
        { "ungraded item keeps it pending", [Graded(Lab1, 10), Graded(Lab2, 20)], CriterionStatus.Pending, 100, "Labs: 100 % of 70 % needed; 1 item not graded yet; it counts once graded" },
        { "zero points possible left out, no divide by zero", [Graded(Lab1, 8), new() { ItemId = Lab2, Score = 3, PointsPossible = 0 }, Graded(Lab3, 35)], CriterionStatus.Met, 220d / 3, "Labs: 73.3 % (70 % needed); 1 item without points possible and not counted" },
        { "all excused", [new() { ItemId = Lab1, State = ScoreState.Excused }, new() { ItemId = Lab2, State = ScoreState.Excused }, new() { ItemId = Lab3, State = ScoreState.Excused }], CriterionStatus.NotMet, null, "Labs: no graded items yet, 70 % needed; 3 items excused and not counted" },
    };

    [Theory]
    [MemberData(nameof(AverageCases))]
    public void Evaluate_WeightedAverage_FollowsThePolicy(string scenario, ItemScore[] scores, CriterionStatus expected, double? average, string explanation)
    {
        var rule = new AverageScoreRule
        {
            Label = "Labs",
            Items = [new() { ItemId = Lab1 }, new() { ItemId = Lab2 }, new() { ItemId = Lab3, Weight = 2 }],
            MinPercent = scenario == "weighted average below" ? 70.01 : 70,
        };

        var criterion = Assert.Single(Evaluate(rule, Learner(scores)).Criteria);

        Assert.True(expected == criterion.Status, scenario);
        if (average is null)
        {
            Assert.Null(criterion.CurrentValue);
        }
        else
        {
            Assert.Equal(average.Value, criterion.CurrentValue!.Value, 6);
        }

        if (scenario != "weighted average below")
        {
            Assert.Equal(explanation, criterion.Explanation);
        }
    }

    [Theory]
    [InlineData(CourseScoreKind.Final, 69.9, false, "Course grade: 69.9 % of 70 % needed")]
    [InlineData(CourseScoreKind.Final, 70, true, "Course grade: 70 % (70 % needed)")]
    [InlineData(CourseScoreKind.Current, 88, true, "Current course grade: 88 % (70 % needed)")]
    public void Evaluate_CourseScore_ReadsTheChosenTotal(CourseScoreKind kind, double value, bool met, string explanation)
    {
        var course = kind == CourseScoreKind.Final ? new CourseScore { FinalPercent = value, CurrentPercent = 99 } : new CourseScore { FinalPercent = 1, CurrentPercent = value };

        var criterion = Assert.Single(Evaluate(new CourseScoreRule { Score = kind, MinPercent = 70 }, Learner(course: course)).Criteria);

        Assert.Equal(met, criterion.Met);
        Assert.Equal(explanation, criterion.Explanation);
    }

    [Fact]
    public void Evaluate_CourseScoreAbsent_IsPending()
    {
        var criterion = Assert.Single(Evaluate(CoursePercent(70), Learner()).Criteria);

        Assert.Equal(CriterionStatus.Pending, criterion.Status);
        Assert.Equal("Course grade: not available yet, 70 % needed", criterion.Explanation);
    }
}
