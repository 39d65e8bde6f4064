using LtiBadgeBridge.Rules.Evaluation;
using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Achievements;

/// <summary>The stored names of award states and decision outcomes.</summary>
public static class AwardStates
{
    public const string PendingApproval = "pending_approval";
    public const string Earned = "earned";
    public const string Revoked = "revoked";

    public static AwardState Parse(string state) => state switch
    {
        PendingApproval => AwardState.PendingApproval,
        Earned => AwardState.Earned,
        Revoked => AwardState.Revoked,
        _ => AwardState.None,
    };

    public static string Outcome(DecisionStatus status) => status switch
    {
        DecisionStatus.Met => "met",
        DecisionStatus.AwaitingApproval => "awaiting_approval",
        _ => "not_met",
    };
}
