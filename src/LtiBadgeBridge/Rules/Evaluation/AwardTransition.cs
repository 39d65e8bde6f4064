using LtiBadgeBridge.Rules.Snapshots;

namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>What the job should do with a learner's award after an evaluation.</summary>
public enum AwardAction
{
    /// <summary>Nothing changes.</summary>
    None,

    /// <summary>Write an award intent (to the outbox) for issuance.</summary>
    CreateAwardIntent,

    /// <summary>Record the learner as eligible and waiting for an instructor's approval.</summary>
    RequestApproval,

    /// <summary>The learner is no longer eligible: take them off the approval queue.</summary>
    WithdrawApprovalRequest,
}

/// <summary>An <see cref="AwardAction"/> and the state the award is in afterwards, with a stable reason code.</summary>
public sealed record AwardTransitionResult(AwardAction Action, AwardState NextState, string Reason);

/// <summary>
/// The award lifecycle on top of decisions. Earned stays earned: a later grade drop never removes a badge
/// (only an instructor revokes). A revoked award is never re-issued by re-evaluation. Approval-gated
/// achievements wait in <see cref="AwardState.PendingApproval"/> until <see cref="OnApproval"/>.
/// Pure: the job applies the result, guarded by its unique key per (registration, learner, achievement).
/// </summary>
public static class AwardTransition
{
    public static class Reasons
    {
        public const string Revoked = "revoked_never_reissued";
        public const string AlreadyEarned = "earned_stays_earned";
        public const string NewlyMet = "newly_met";
        public const string NotMet = "not_met";
        public const string AwaitingApproval = "awaiting_approval";
        public const string NoLongerEligible = "no_longer_eligible";
        public const string Approved = "approved";
        public const string NotPending = "not_pending_approval";
        public const string ApprovalNoLongerRequired = "approval_no_longer_required";
    }

    /// <summary>The transition after evaluating <paramref name="decision"/> for a learner whose award is in <paramref name="previous"/>.</summary>
    public static AwardTransitionResult OnDecision(AwardState previous, DecisionStatus decision) => (previous, decision) switch
    {
        (AwardState.Revoked, _) => new(AwardAction.None, AwardState.Revoked, Reasons.Revoked),
        (AwardState.Earned, _) => new(AwardAction.None, AwardState.Earned, Reasons.AlreadyEarned),
        (AwardState.None, DecisionStatus.Met) => new(AwardAction.CreateAwardIntent, AwardState.Earned, Reasons.NewlyMet),
        (AwardState.None, DecisionStatus.AwaitingApproval) => new(AwardAction.RequestApproval, AwardState.PendingApproval, Reasons.AwaitingApproval),
        (AwardState.None, _) => new(AwardAction.None, AwardState.None, Reasons.NotMet),
        (AwardState.PendingApproval, DecisionStatus.AwaitingApproval) => new(AwardAction.None, AwardState.PendingApproval, Reasons.AwaitingApproval),
        (AwardState.PendingApproval, DecisionStatus.Met) => new(AwardAction.CreateAwardIntent, AwardState.Earned, Reasons.ApprovalNoLongerRequired),
        (AwardState.PendingApproval, _) => new(AwardAction.WithdrawApprovalRequest, AwardState.None, Reasons.NoLongerEligible),
        _ => throw new ArgumentOutOfRangeException(nameof(previous), previous, "Unknown award state."),
    };

    /// <summary>
    /// The transition when an instructor approves. Issues only if the award is pending and the learner is
    /// still eligible by the current decision (rules met).
    /// </summary>
    public static AwardTransitionResult OnApproval(AwardState previous, DecisionStatus current) => previous switch
    {
        AwardState.PendingApproval when current != DecisionStatus.NotMet => new(AwardAction.CreateAwardIntent, AwardState.Earned, Reasons.Approved),
        AwardState.PendingApproval => new(AwardAction.WithdrawApprovalRequest, AwardState.None, Reasons.NoLongerEligible),
        AwardState.Revoked => new(AwardAction.None, AwardState.Revoked, Reasons.Revoked),
        AwardState.Earned => new(AwardAction.None, AwardState.Earned, Reasons.AlreadyEarned),
        _ => new(AwardAction.None, previous, Reasons.NotPending),
    };
}
