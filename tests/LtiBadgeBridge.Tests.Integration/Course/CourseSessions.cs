using System.Globalization;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Emulators;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Lti;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.CourseHome;

/// <summary>A Canvas course on the real service with its developer key, and iframe sessions in it, as a launch would
/// leave them (the launch itself is covered by the LTI tests).</summary>
internal static class CourseSessions
{
    public static async Task<Courses.Course> AddCanvasCourseAsync(TestService service, EmulatedCanvas canvas, CancellationToken cancellationToken, string contextId = "ctx-course-home")
    {
        var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com",
            ClientId = "10000000000077",
            Name = "Canvas",
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = canvas.BaseUrl + "login/oauth2/token",
            JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, cancellationToken);
        var course = await service.Services.GetRequiredService<CourseStore>().UpsertFromLaunchAsync(new Courses.Course
        {
            PlatformId = platform.Id,
            DeploymentId = "1",
            ContextId = contextId,
            Title = "Cloud Computing",
            LmsCourseId = canvas.Fixture.CourseId.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        await service.Services.GetRequiredService<PlatformCredentialsStore>().SaveCanvasAsync(platform.Id, canvas.BaseUrl, canvas.Options.ClientId, canvas.Options.ClientSecret, cancellationToken);
        return course;
    }

    /// <summary>The <c>s</c> token of a session of a new person with <paramref name="roles"/> in <paramref name="course"/>.</summary>
    public static async Task<string> MintAsync(TestService service, Courses.Course course, LtiRoleKind roles, CancellationToken cancellationToken)
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        var people = await service.Services.GetRequiredService<CourseStore>().UpsertPeopleAsync(
            course.PlatformId, [new Person { LtiUserId = sub, Name = roles.HasFlag(LtiRoleKind.Instructor) ? "Grace Hopper" : "Ada Lovelace" }], cancellationToken);
        var platform = (await service.Services.GetRequiredService<PlatformStore>().GetAsync(course.PlatformId, cancellationToken))!;
        return service.Services.GetRequiredService<LtiSessionProtector>().Protect(new LtiSession
        {
            PlatformId = course.PlatformId,
            Issuer = platform.Issuer,
            ClientId = platform.ClientId,
            DeploymentId = course.DeploymentId,
            CourseId = course.Id,
            ContextTitle = course.Title,
            PersonId = people[sub],
            Roles = roles,
            FrameAncestors = ["https://canvas.example.edu"],
            ExpiresAt = TimeProvider.System.GetUtcNow().AddHours(1),
        });
    }

    public static string S(string token) => "s=" + Uri.EscapeDataString(token);

    /// <summary>The payloads of every outbox message of <paramref name="kind"/>, processed or not (workers may already have run them).</summary>
    public static async Task<IReadOnlyList<string>> OutboxPayloadsAsync(TestService service, string kind, CancellationToken cancellationToken)
    {
        await using var connection = await service.Services.GetRequiredService<Data.Database>().OpenAsync(cancellationToken);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, new Dapper.CommandDefinition(
            "SELECT payload FROM outbox WHERE kind = @kind ORDER BY id", new { kind }, cancellationToken: cancellationToken))).ToList();
    }
}
