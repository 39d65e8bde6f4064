using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Platforms.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LtiBadgeBridge.Platforms.Moodle;

/// <summary>The Moodle web service client of one site and token. Build it with <see cref="IMoodleClientFactory"/>.</summary>
internal sealed class MoodleClient : IMoodleClient
{
    private const string RestPath = "webservice/rest/server.php";

    private readonly HttpClient http;
    private readonly string token;

    public MoodleClient(HttpClient http, Uri siteUrl, string token)
    {
        this.http = http;
        this.token = token;
        SiteUrl = siteUrl;
    }

    public Uri SiteUrl { get; }

    public Task<PlatformResult<MoodleSiteInfo>> GetSiteInfoAsync(CancellationToken cancellationToken) =>
        CallAsync<MoodleSiteInfo>(MoodleWebServiceRequirements.GetSiteInfo, [], cancellationToken);

    public Task<PlatformResult<MoodleAssignmentsResult>> GetAssignmentsAsync(IReadOnlyCollection<long> courseIds, CancellationToken cancellationToken)
    {
        var parameters = Array("courseids", courseIds);
        parameters.Add(new("includenotenrolledcourses", "1"));
        return CallAsync<MoodleAssignmentsResult>(MoodleWebServiceRequirements.GetAssignments, parameters, cancellationToken);
    }

    public Task<PlatformResult<MoodleSubmissionsResult>> GetSubmissionsAsync(IReadOnlyCollection<long> assignmentIds, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var parameters = Array("assignmentids", assignmentIds);
        parameters.Add(new("since", UnixSeconds(since)));
        return CallAsync<MoodleSubmissionsResult>(MoodleWebServiceRequirements.GetSubmissions, parameters, cancellationToken);
    }

    public Task<PlatformResult<MoodleGradesResult>> GetGradesAsync(IReadOnlyCollection<long> assignmentIds, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var parameters = Array("assignmentids", assignmentIds);
        parameters.Add(new("since", UnixSeconds(since)));
        return CallAsync<MoodleGradesResult>(MoodleWebServiceRequirements.GetGrades, parameters, cancellationToken);
    }

    public async Task<PlatformResult<MoodleUserGrades?>> GetGradeItemsAsync(long courseId, long userId, CancellationToken cancellationToken)
    {
        var result = await CallAsync<MoodleGradeItemsResult>(
            MoodleWebServiceRequirements.GetGradeItems,
            [new("courseid", Invariant(courseId)), new("userid", Invariant(userId))],
            cancellationToken);
        return result.Map(r => r.UserGrades.FirstOrDefault(g => g.UserId == userId));
    }

    public Task<PlatformResult<MoodleGradingDefinitionsResult>> GetGradingDefinitionsAsync(IReadOnlyCollection<long> cmIds, CancellationToken cancellationToken)
    {
        var parameters = Array("cmids", cmIds);
        parameters.Add(new("areaname", "submissions"));
        parameters.Add(new("activeonly", "1"));
        return CallAsync<MoodleGradingDefinitionsResult>(MoodleWebServiceRequirements.GetGradingDefinitions, parameters, cancellationToken);
    }

    public Task<PlatformResult<MoodleGradingInstancesResult>> GetGradingInstancesAsync(long definitionId, DateTimeOffset? since, CancellationToken cancellationToken) =>
        CallAsync<MoodleGradingInstancesResult>(
            MoodleWebServiceRequirements.GetGradingFormInstances,
            [new("definitionid", Invariant(definitionId)), new("since", UnixSeconds(since))],
            cancellationToken);

    public async Task<PlatformResult<IReadOnlyList<MoodleCourseCompetency>>> ListCourseCompetenciesAsync(long courseId, CancellationToken cancellationToken)
    {
        var result = await CallAsync<List<MoodleCourseCompetency>>(
            MoodleWebServiceRequirements.ListCourseCompetencies, [new("id", Invariant(courseId))], cancellationToken);
        return result.Map(IReadOnlyList<MoodleCourseCompetency> (list) => list);
    }

    public Task<PlatformResult<MoodleCompetencyReport>> GetCompetencyReportAsync(long courseId, long userId, CancellationToken cancellationToken) =>
        CallAsync<MoodleCompetencyReport>(
            MoodleWebServiceRequirements.CompetencyReport,
            [new("courseid", Invariant(courseId)), new("userid", Invariant(userId)), new("moduleid", "0")],
            cancellationToken);

    public async Task<PlatformResult<IReadOnlyList<MoodleEnrolledUser>>> GetEnrolledUsersAsync(long courseId, int limitFrom, int limitNumber, CancellationToken cancellationToken)
    {
        var result = await CallAsync<List<MoodleEnrolledUser>>(
            MoodleWebServiceRequirements.GetEnrolledUsers,
            [
                new("courseid", Invariant(courseId)),
                new("options[0][name]", "limitfrom"),
                new("options[0][value]", Invariant(limitFrom)),
                new("options[1][name]", "limitnumber"),
                new("options[1][value]", Invariant(limitNumber)),
                new("options[2][name]", "userfields"),
                new("options[2][value]", "id,username,fullname,email,idnumber,roles"),
            ],
            cancellationToken);
        return result.Map(IReadOnlyList<MoodleEnrolledUser> (list) => list);
    }

    public async Task<PlatformResult<MoodleFileDownload>> DownloadFileAsync(Uri fileUrl, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileUrl);
        ArgumentNullException.ThrowIfNull(destination);
        if (!fileUrl.IsAbsoluteUri || !PagingGuard.IsSameOrigin(SiteUrl, fileUrl))
        {
            return new PlatformError
            {
                Kind = PlatformErrorKind.InvalidParameter,
                Code = PlatformErrorCodes.MoodleInvalidParameter,
                Message = "The file URL is not on this Moodle site; the token was not sent.",
            };
        }

        var url = WithToken(ToWebServiceFileUrl(fileUrl));
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return HttpFailure((int)response.StatusCode);
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                // Download errors come as small JSON bodies {error, errorcode}; a real JSON file is passed through.
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (TryParse(bytes) is { } error)
                {
                    return error;
                }

                await destination.WriteAsync(bytes, cancellationToken);
                return new MoodleFileDownload { ContentType = contentType, Length = bytes.Length };
            }

            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            var counting = 0L;
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                counting += read;
            }

            return new MoodleFileDownload { ContentType = contentType, Length = counting };
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            return TransportFailure(ex);
        }
    }

    private async Task<PlatformResult<T>> CallAsync<T>(string function, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>(parameters.Count + 1) { new("wstoken", token) };
        form.AddRange(parameters);
        var url = new Uri(SiteUrl, $"{RestPath}?wsfunction={Uri.EscapeDataString(function)}&moodlewsrestformat=json");
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return HttpFailure((int)response.StatusCode);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            if (MoodleErrors.FromBody(document.RootElement) is { } error)
            {
                return error;
            }

            var value = document.RootElement.Deserialize<T>(MoodleJson.Options);
            return value is null ? InvalidJson(function) : value;
        }
        catch (JsonException)
        {
            return InvalidJson(function);
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            return TransportFailure(ex);
        }
    }

    private static PlatformError? TryParse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return MoodleErrors.FromBody(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Uri WithToken(Uri fileUrl)
    {
        var separator = string.IsNullOrEmpty(fileUrl.Query) ? "?" : "&";
        return new Uri(fileUrl.AbsoluteUri + separator + "token=" + Uri.EscapeDataString(token));
    }

    /// <summary>A browser file URL (<c>/pluginfile.php/...</c>) becomes the web service one (<c>/webservice/pluginfile.php/...</c>).</summary>
    private static Uri ToWebServiceFileUrl(Uri fileUrl)
    {
        var path = fileUrl.AbsolutePath;
        if (path.Contains("/webservice/pluginfile.php", StringComparison.Ordinal))
        {
            return fileUrl;
        }

        var index = path.IndexOf("/pluginfile.php", StringComparison.Ordinal);
        if (index < 0)
        {
            return fileUrl;
        }

        var builder = new UriBuilder(fileUrl) { Path = path[..index] + "/webservice" + path[index..] };
        return builder.Uri;
    }

    private static List<KeyValuePair<string, string>> Array(string name, IReadOnlyCollection<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new List<KeyValuePair<string, string>>(values.Count + 2);
        var index = 0;
        foreach (var value in values)
        {
            list.Add(new($"{name}[{Invariant(index++)}]", Invariant(value)));
        }

        return list;
    }

    private static string UnixSeconds(DateTimeOffset? since) => Invariant(since?.ToUnixTimeSeconds() ?? 0);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsTransport(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException ||
        (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static PlatformError HttpFailure(int status) => new()
    {
        Kind = status >= 500 || status == 408 || status == 429 ? PlatformErrorKind.Transient : PlatformErrorKind.InvalidResponse,
        Code = status >= 500 || status == 408 || status == 429 ? PlatformErrorCodes.MoodleTransient : PlatformErrorCodes.MoodleInvalidResponse,
        HttpStatus = status,
        Message = $"Moodle answered HTTP {status}.",
    };

    private static PlatformError TransportFailure(Exception ex) => new()
    {
        Kind = PlatformErrorKind.Transient,
        Code = PlatformErrorCodes.MoodleTransient,
        Message = $"Moodle could not be reached ({ex.GetType().Name}); the sync will try again later.",
    };

    private static PlatformError InvalidJson(string function) => new()
    {
        Kind = PlatformErrorKind.InvalidResponse,
        Code = PlatformErrorCodes.MoodleInvalidResponse,
        Message = $"Moodle answered {function} with JSON this client does not understand.",
    };
}
