namespace LtiBadgeBridge.Web.Demo;

/// <summary>How the emulated LMS is reached and which tool it launches (the LMS's side of the registration).</summary>
internal sealed record DemoLmsOptions
{
    /// <summary>The LMS's origin and LTI issuer, e.g. <c>http://127.0.0.1:5001</c>.</summary>
    public required Uri Origin { get; init; }

    /// <summary>The tool's origin, e.g. <c>http://127.0.0.1:5000</c>; its LTI URLs hang off it.</summary>
    public required Uri ToolOrigin { get; init; }

    /// <summary>The LTI developer key's client id (Canvas numbers its keys like this).</summary>
    public string ClientId { get; init; } = "10000000000001";

    /// <summary>The deployment of the tool in the demo account (Canvas: <c>id:context hash</c>).</summary>
    public string DeploymentId { get; init; } = "1:8865aa05b4b79b64a91a86042e43af5ea8ae79eb";

    /// <summary>The REST API developer key the tool uses for the course connect flow.</summary>
    public string ApiClientId { get; init; } = "10000000000002";

    public string ApiClientSecret { get; init; } = "demo-api-key-secret";

    /// <summary>Whether the tool's LTI developer key exists and is ON from the start (the quick demo); false leaves the
    /// registration to an admin in the LMS (Admin &gt; Developer Keys, LTI Dynamic Registration).</summary>
    public bool RegisteredAtStart { get; init; } = true;

    public string ToolLoginPath { get; init; } = "/lti/login";

    public string ToolLaunchPath { get; init; } = "/lti/launch";

    public string ToolJwksPath { get; init; } = "/.well-known/jwks.json";

    public Uri ToolLoginUri => new(ToolOrigin, ToolLoginPath);

    public Uri ToolLaunchUri => new(ToolOrigin, ToolLaunchPath);

    public Uri ToolJwksUri => new(ToolOrigin, ToolJwksPath);

    public string Issuer => Origin.GetLeftPart(UriPartial.Authority);

    public Uri At(string path) => new(Origin, path);

    public Uri AuthorizationEndpoint => At("/api/lti/authorize_redirect");

    public Uri TokenEndpoint => At("/login/oauth2/token");

    public Uri JwksUri => At("/api/lti/security/jwks");

    public Uri MembershipsUrl => At($"/api/lti/courses/{Data.PilotCourse.CourseId}/names_and_roles");

    public Uri LineItemsUrl => At($"/api/lti/courses/{Data.PilotCourse.CourseId}/line_items");
}
