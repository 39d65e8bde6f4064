using System.Security.Cryptography;
using System.Text;
using Hangfire;
using LtiBadgeBridge.Jobs;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Hosting;

/// <summary>Operator endpoints, reachable only with <c>Service:OperatorToken</c> as a bearer token.</summary>
internal static class OpsEndpoints
{
    public static void Map(WebApplication app)
    {
        var ops = app.MapGroup("/ops").AddEndpointFilter(async (context, next) =>
        {
            var expected = context.HttpContext.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value.OperatorToken;
            if (string.IsNullOrEmpty(expected))
            {
                return Results.NotFound();
            }

            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected))
                ? await next(context)
                : Results.Problem(statusCode: 401, title: "Operator token required", detail: "Send Authorization: Bearer <Service:OperatorToken>.");
        });

        ops.MapPost("/jobs/probe", (string marker, IBackgroundJobClient jobs) =>
        {
            if (string.IsNullOrWhiteSpace(marker) || marker.Length > 200)
            {
                return Results.Problem(statusCode: 400, title: "Invalid marker", detail: "Pass ?marker= with 1 to 200 characters.");
            }

            var id = jobs.Enqueue<ProbeJob>(job => job.RunAsync(marker, CancellationToken.None));
            return Results.Accepted(value: new { jobId = id, marker });
        });
    }
}
