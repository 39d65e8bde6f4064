namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>How <see cref="EmulatedMoodle"/> behaves. Every default is deterministic.</summary>
public sealed record EmulatedMoodleOptions
{
    public long CourseId { get; init; } = 201;

    public int Learners { get; init; } = 6;

    public int Assignments { get; init; } = 3;

    public string Token { get; init; } = "moodle-emulated-ws-token";

    /// <summary>Moodle installed under a sub-path, as many are (<c>https://host/moodle/</c>).</summary>
    public string SubPath { get; init; } = "/moodle/";

    /// <summary>Whether the service allows file downloads (site info <c>downloadfiles</c>).</summary>
    public bool DownloadFiles { get; init; } = true;

    /// <summary>Whether errors carry <c>debuginfo</c> (only when the site has debugging on).</summary>
    public bool DebugInfo { get; init; }
}
