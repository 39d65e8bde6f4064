namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>How much a probe finding matters.</summary>
public enum MoodleProbeSeverity
{
    /// <summary>Sync will fail or miss data until the admin fixes it.</summary>
    Error,

    /// <summary>Some data (e.g. evidence files) will be missing.</summary>
    Warning,

    /// <summary>For information.</summary>
    Info,
}
