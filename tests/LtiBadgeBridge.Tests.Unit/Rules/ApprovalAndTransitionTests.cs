using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;
using static LtiBadgeBridge.Tests.Unit.Rules.RuleTestData;

namespace LtiBadgeBridge.Tests.Unit.Rules;

public sealed class ApprovalAndTransitionTests
{
    [Fact]
    public void Evaluate_ApprovalGate_MetRulesAwaitApproval()
    {
        var compiled = Compile(CoursePercent(70), requiresApproval: true);

        var decision = compiled.Evaluate(Learner(course: new CourseScore { FinalPercent = 90 }), EarnedAchievements.None);

        Assert.Equal(DecisionStatus.AwaitingApproval, decision.Status);
        Assert.True(decision.RulesMet);
        Assert.Equal("All criteria met; waiting for your instructor's approval", decision.Summary);
    }

    [Fact]
    public void Evaluate_ApprovalGate_UnmetRulesAreNotMet()
    {
        var compiled = Compile(CoursePercent(70), requiresApproval: true);

        Assert.Equal(DecisionStatus.NotMet, compiled.Evaluate(Learner(course: new CourseScore { FinalPercent = 50 }), EarnedAchievements.None).Status);
    }

    public static TheoryData<AwardState, DecisionStatus, AwardAction, AwardState> DecisionTransitions => new()
    {
        { AwardState.None, DecisionStatus.Met, AwardAction.CreateAwardIntent, AwardState.Earned },
        { AwardState.None, DecisionStatus.NotMet, AwardAction.None, AwardState.None },
        { AwardState.None, DecisionStatus.AwaitingApproval, AwardAction.RequestApproval, AwardState.PendingApproval },
        { AwardState.Earned, DecisionStatus.NotMet, AwardAction.None, AwardState.Earned },          // earned stays earned
        { AwardState.Earned, DecisionStatus.Met, AwardAction.None, AwardState.Earned },             // no second intent
        { AwardState.Revoked, DecisionStatus.Met, AwardAction.None, AwardState.Revoked },           // never re-issued
        { AwardState.Revoked, DecisionStatus.AwaitingApproval, AwardAction.None, AwardState.Revoked },
        { AwardState.PendingApproval, DecisionStatus.AwaitingApproval, AwardAction.None, AwardState.PendingApproval },
        { AwardState.PendingApproval, DecisionStatus.NotMet, AwardAction.WithdrawApprovalRequest, AwardState.None },
        { AwardState.PendingApproval, DecisionStatus.Met, AwardAction.CreateAwardIntent, AwardState.Earned }, // gate removed from the definition
    };

    [Theory]
    [MemberData(nameof(DecisionTransitions))]
    public void OnDecision_FollowsTheLifecycle(AwardState previous, DecisionStatus decision, AwardAction action, AwardState next)
    {
        var result = AwardTransition.OnDecision(previous, decision);

        Assert.Equal(action, result.Action);
        Assert.Equal(next, result.NextState);
    }

    [Theory]
    [InlineData(AwardState.PendingApproval, DecisionStatus.AwaitingApproval, AwardAction.CreateAwardIntent)]
    [InlineData(AwardState.PendingApproval, DecisionStatus.NotMet, AwardAction.WithdrawApprovalRequest)]
    [InlineData(AwardState.Revoked, DecisionStatus.AwaitingApproval, AwardAction.None)]
    [InlineData(AwardState.None, DecisionStatus.AwaitingApproval, AwardAction.None)]
    [InlineData(AwardState.Earned, DecisionStatus.AwaitingApproval, AwardAction.None)]
    public void OnApproval_IssuesOnlyPendingAndStillEligible(AwardState previous, DecisionStatus current, AwardAction action)
    {
        Assert.Equal(action, AwardTransition.OnApproval(previous, current).Action);
    }

    [Theory]
    [InlineData("2027-06-30", true)]
    [InlineData("2027-07-01", false)]
    public void IssuesOn_StopsAfterValidUntil(string date, bool issues)
    {
        var definition = Definition(CoursePercent(70)) with { ValidUntil = new DateOnly(2027, 6, 30) };
        var compiled = LtiBadgeBridge.Rules.Evaluation.AchievementCompiler.Compile(definition, Catalogue).Achievement!;

        Assert.Equal(issues, compiled.IssuesOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(Compile(CoursePercent(70)).IssuesOn(DateOnly.MaxValue));
    }

    [Fact]
    public void OnDecision_Revoked_GivesTheStableReason()
    {
        Assert.Equal(AwardTransition.Reasons.Revoked, AwardTransition.OnDecision(AwardState.Revoked, DecisionStatus.Met).Reason);
    }
}
