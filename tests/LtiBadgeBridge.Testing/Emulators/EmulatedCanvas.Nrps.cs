using System.Collections.Concurrent;
using System.Globalization;
using WireMock;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>
/// LTI Advantage on the emulated Canvas: the client-credentials token (a JWT client assertion, as LTI
/// tools send it) and Names and Role Provisioning Services at <c>/api/lti/courses/{id}/names_and_roles</c>,
/// capped at 50 members a page, with <c>Link</c> paging. Members carry the LTI <c>sub</c> and, as Canvas
/// does when the user has one, <c>lis_person_sourcedid</c> (the SIS id the REST API shows as <c>sis_user_id</c>).
/// </summary>
public sealed partial class EmulatedCanvas
{
    private const int NrpsPageCap = 50;
    private readonly ConcurrentDictionary<string, bool> ltiTokens = new(StringComparer.Ordinal);
    private int nrpsRequests;

    /// <summary>The course's NRPS context memberships URL, as the launch's NRPS claim carries it.</summary>
    public Uri NamesAndRolesUrl => new(BaseUrl, $"api/lti/courses/{Fixture.CourseId.ToString(CultureInfo.InvariantCulture)}/names_and_roles");

    /// <summary>NRPS page requests served.</summary>
    public int NrpsRequests => Volatile.Read(ref nrpsRequests);

    private WireMock.ResponseMessage LtiClientCredentials(Dictionary<string, string> form)
    {
        var assertion = form.GetValueOrDefault("client_assertion") ?? string.Empty;
        if (form.GetValueOrDefault("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" || assertion.Split('.').Length != 3)
        {
            return EmulatorHttp.JsonResponse(400, new { error = "invalid_request", error_description = "client_assertion is required" });
        }

        var token = "canvas-lti-at-" + Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
        ltiTokens[token] = true;
        return EmulatorHttp.JsonResponse(200, new Dictionary<string, object?>
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["scope"] = form.GetValueOrDefault("scope"),
        });
    }

    private WireMock.ResponseMessage NamesAndRoles(IRequestMessage request)
    {
        Interlocked.Increment(ref nrpsRequests);
        var authorization = EmulatorHttp.Header(request, "Authorization") ?? string.Empty;
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !ltiTokens.ContainsKey(authorization[7..].Trim()))
        {
            var unauthorized = EmulatorHttp.JsonResponse(401, new { errors = new[] { new { message = "Invalid access token format" } } });
            unauthorized.AddHeader("WWW-Authenticate", "Bearer realm=\"canvas-lms\"");
            return unauthorized;
        }

        if (request.Path != NamesAndRolesUrl.AbsolutePath)
        {
            return EmulatorHttp.JsonResponse(404, Errors("The specified resource does not exist."));
        }

        var query = EmulatorHttp.Parameters(request);
        var limit = Math.Min(int.TryParse(query.GetValueOrDefault("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 10, NrpsPageCap);
        var page = int.TryParse(query.GetValueOrDefault("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var members = new List<object> { new Dictionary<string, object?>
        {
            ["status"] = "Active", ["name"] = "Course Instructor", ["user_id"] = "0b5e7c1e-teacher",
            ["roles"] = new[] { "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor" },
        } };
        members.AddRange(Enumerable.Range(0, Fixture.LearnerCount).Select(i => (object)new Dictionary<string, object?>
        {
            ["status"] = "Active",
            ["name"] = $"Learner {Fixture.LearnerId(i).ToString(CultureInfo.InvariantCulture)}",
            ["email"] = $"learner{Fixture.LearnerId(i).ToString(CultureInfo.InvariantCulture)}@example.edu",
            ["user_id"] = Fixture.LtiSubject(i),
            ["lti11_legacy_user_id"] = "c0ffee" + Fixture.LearnerId(i).ToString(CultureInfo.InvariantCulture),
            ["lis_person_sourcedid"] = Fixture.SisUserId(i),
            ["roles"] = new[] { "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner" },
        }));
        var body = new Dictionary<string, object?>
        {
            ["id"] = NamesAndRolesUrl.AbsoluteUri,
            ["context"] = new { id = "4dde05e8ca1973bcca9bffc13e1548820eee93a3", label = "BDF-101", title = "Big Data Foundations" },
            ["members"] = members.Skip((page - 1) * limit).Take(limit).ToList(),
        };
        var response = EmulatorHttp.Text(200, System.Text.Json.JsonSerializer.Serialize(body, EmulatorHttp.Json), "application/vnd.ims.lti-nrps.v2.membershipcontainer+json");
        if (page * limit < members.Count)
        {
            var url = NamesAndRolesUrl.AbsoluteUri;
            response.AddHeader("Link",
                $"<{url}?page={page.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}>; rel=\"current\"," +
                $"<{url}?page={(page + 1).ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}>; rel=\"next\"," +
                $"<{url}?page=1&limit={limit.ToString(CultureInfo.InvariantCulture)}>; rel=\"first\"");
        }

        return response;
    }
}
