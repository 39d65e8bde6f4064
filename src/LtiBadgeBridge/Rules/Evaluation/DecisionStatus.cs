namespace LtiBadgeBridge.Rules.Evaluation;

/// <summary>The outcome of evaluating an achievement for a learner.</summary>
public enum DecisionStatus
{
    NotMet,

    Met,

    /// <summary>Every rule is met and the definition requires an instructor's approval before issuance.</summary>
    AwaitingApproval,
}

/// <summary>Where one criterion stands.</summary>
public enum CriterionStatus
{
    NotMet,

    Met,

    /// <summary>Not met yet only because something is still to be graded or assessed.</summary>
    Pending,
}
