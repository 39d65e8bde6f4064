namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>A capability the Moodle service user needs, and why.</summary>
public sealed record MoodleCapabilityRequirement(string Capability, string Reason);
