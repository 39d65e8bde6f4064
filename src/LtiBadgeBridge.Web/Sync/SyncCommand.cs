using System.Globalization;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms.Moodle;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Web.Cli;
using LtiBadgeBridge.Web.Hosting;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Sync;

/// <summary>
/// <c>sync configure-canvas|configure-moodle|run|status|connect-link</c>: LMS API credentials per
/// platform (a Moodle token is probed on save and the findings printed), sync now, progress, and the
/// link an instructor follows to connect a Canvas course.
/// </summary>
internal sealed class SyncCommand : IOperatorCommand
{
    public string Name => "sync";

    public string Usage =>
        "sync configure-canvas --platform ID --url CANVAS_URL --client-id ID --client-secret SECRET | " +
        "configure-moodle --platform ID --url SITE_URL --token TOKEN [--course ID] | run COURSE_ID | status COURSE_ID | connect-link COURSE_ID";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, CommandLine commandLine, CancellationToken cancellationToken)
    {
        var sub = words.Count > 0 ? words[0] : string.Empty;
        return sub switch
        {
            "configure-canvas" => await ConfigureCanvasAsync(services, commandLine, cancellationToken),
            "configure-moodle" => await ConfigureMoodleAsync(services, commandLine, cancellationToken),
            "run" => await RunCourseAsync(services, words, cancellationToken),
            "status" => await StatusAsync(services, words, cancellationToken),
            "connect-link" => await ConnectLinkAsync(services, words, cancellationToken),
            _ => Fail("usage: " + Usage),
        };
    }

    private static async Task<int> ConfigureCanvasAsync(IServiceProvider services, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (await PlatformAsync(services, commandLine, cancellationToken) is not { } platform ||
            Url(commandLine.Option("--url")) is not { } url ||
            commandLine.Option("--client-id") is not { Length: > 0 } clientId ||
            commandLine.Option("--client-secret") is not { Length: > 0 } secret)
        {
            return Fail("configure-canvas needs --platform (an existing platform id), --url (absolute), --client-id and --client-secret");
        }

        await services.GetRequiredService<PlatformCredentialsStore>().SaveCanvasAsync(platform, url, clientId, secret, cancellationToken);
        var redirect = services.GetRequiredService<IOptions<SyncOptions>>().Value.CanvasRedirectUri;
        await Console.Out.WriteLineAsync($"Canvas API developer key saved for platform {platform}. Register this redirect URI on the key: {redirect}");
        return 0;
    }

    private static async Task<int> ConfigureMoodleAsync(IServiceProvider services, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (await PlatformAsync(services, commandLine, cancellationToken) is not { } platform ||
            Url(commandLine.Option("--url")) is not { } url ||
            commandLine.Option("--token") is not { Length: > 0 } token)
        {
            return Fail("configure-moodle needs --platform (an existing platform id), --url (absolute) and --token");
        }

        long? sampleCourse = long.TryParse(commandLine.Option("--course"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        var report = await services.GetRequiredService<MoodleTokenProbe>().ProbeAsync(url, token, sampleCourse, cancellationToken);
        await services.GetRequiredService<PlatformCredentialsStore>().SaveMoodleAsync(platform, url, token, cancellationToken);
        await Console.Out.WriteLineAsync($"Moodle token saved for platform {platform}. Token accepted: {(report.TokenAccepted ? "yes" : "no")}; ready: {(report.IsReady ? "yes" : "no")}.");
        foreach (var finding in report.Findings)
        {
            await Console.Out.WriteLineAsync($"  [{finding.Severity}] {finding.Code}: {finding.Message}");
        }

        return report.IsReady ? 0 : 2;
    }

    private static async Task<int> RunCourseAsync(IServiceProvider services, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (await CourseAsync(services, words, cancellationToken) is not { } course)
        {
            return Fail("run needs an existing course id");
        }

        await services.GetRequiredService<SyncRunStore>().ResumeAsync(course.Id, cancellationToken);
        var added = await services.GetRequiredService<SyncPublisher>().PublishSyncAsync(course.PlatformId, course.Id, "on-demand", cancellationToken);
        await Console.Out.WriteLineAsync(added ? $"Sync of course {course.Id} queued." : $"A sync of course {course.Id} was already queued in the last few minutes.");
        return 0;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (await CourseAsync(services, words, cancellationToken) is not { } course)
        {
            return Fail("status needs an existing course id");
        }

        var status = await services.GetRequiredService<SyncRunStore>().GetAsync(course.Id, cancellationToken);
        if (status is null)
        {
            await Console.Out.WriteLineAsync($"Course {course.Id}: never synced.");
            return 0;
        }

        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Course {course.Id}: {status.Status}, phase {status.Phase ?? "-"} ({status.Percent}%), {status.PagesDone} pages, {status.ItemsDone} items, last success {status.LastSuccessAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never"}"));
        if (status.LastError is not null)
        {
            await Console.Out.WriteLineAsync($"Last error ({status.LastErrorCode}): {status.LastError}");
        }

        return 0;
    }

    private static async Task<int> ConnectLinkAsync(IServiceProvider services, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (await CourseAsync(services, words, cancellationToken) is not { } course)
        {
            return Fail("connect-link needs an existing course id");
        }

        var token = services.GetRequiredService<SyncAccessTokens>().Create(course.Id, SyncAccessTokens.CoursePurpose, TimeSpan.FromDays(1));
        var baseUrl = services.GetRequiredService<IOptions<ServiceOptions>>().Value.PublicBaseUrl ?? "http://localhost";
        await Console.Out.WriteLineAsync($"{baseUrl.TrimEnd('/')}/sync/canvas/connect?course={course.Id}&token={Uri.EscapeDataString(token)}");
        return 0;
    }

    private static async Task<long?> PlatformAsync(IServiceProvider services, CommandLine commandLine, CancellationToken cancellationToken)
    {
        if (!long.TryParse(commandLine.Option("--platform"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return await services.GetRequiredService<PlatformStore>().GetAsync(id, cancellationToken) is null ? null : id;
    }

    private static async Task<Course?> CourseAsync(IServiceProvider services, IReadOnlyList<string> words, CancellationToken cancellationToken) =>
        words.Count > 1 && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await services.GetRequiredService<CourseStore>().GetAsync(id, cancellationToken)
            : null;

    private static Uri? Url(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
