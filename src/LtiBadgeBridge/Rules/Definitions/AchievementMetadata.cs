namespace LtiBadgeBridge.Rules.Definitions;

/// <summary>Notional workload: total hours, and optionally the weeks and weekly range it comes from.</summary>
public sealed record Workload
{
    public required double Hours { get; init; }

    public int? Weeks { get; init; }

    public double? HoursPerWeekMin { get; init; }

    public double? HoursPerWeekMax { get; init; }
}

/// <summary>Where learning happens.</summary>
public enum DeliveryMode
{
    Virtual,
    InPerson,
    Hybrid,
}

/// <summary>Whether learners take part at the same time.</summary>
public enum DeliverySchedule
{
    /// <summary>Learners study at their own time (asynchronous).</summary>
    NonConcurrent,

    /// <summary>Learners meet at set times (synchronous).</summary>
    Concurrent,
}

/// <summary>Delivery of the learning: mode, schedule and cost.</summary>
public sealed record Delivery
{
    public required DeliveryMode Mode { get; init; }

    public DeliverySchedule? Schedule { get; init; }

    /// <summary>Cost as stated to learners, e.g. <c>free</c> or <c>CAD 250</c>.</summary>
    public string? Cost { get; init; }
}

/// <summary>A quality assurance body or endorsement: who, and where to check.</summary>
public sealed record Reference
{
    public required string Name { get; init; }

    public string? Url { get; init; }

    public string? Description { get; init; }
}

/// <summary>An Open Badges 3.0 alignment to a skill in a framework (ESCO, SFIA, O*NET...).</summary>
public sealed record Alignment
{
    public required string TargetName { get; init; }

    public required string TargetUrl { get; init; }

    public string? TargetFramework { get; init; }

    public string? TargetCode { get; init; }

    public string? TargetDescription { get; init; }

    /// <summary>Open Badges 3.0 alignment target type, e.g. <c>ceasn:Competency</c>.</summary>
    public string? TargetType { get; init; }
}
