using Hangfire;
using Hangfire.Dashboard;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>Maps what the admin console needs besides its pages: the job dashboard at <c>/admin/jobs</c>.</summary>
internal static class AdminEndpoints
{
    public const string JobsPath = "/admin/jobs";

    public static void Map(WebApplication app)
    {
        var dashboard = new DashboardOptions
        {
            AppPath = "/admin",
            DashboardTitle = "LtiBadgeBridge jobs",
            DisplayStorageConnectionString = false,
            // The default allows local requests only; ours is the admin check, nothing else.
            Authorization = [],
            AsyncAuthorization = [new AdminDashboardAuthorizationFilter()],
            IsReadOnlyFunc = context => !context.GetHttpContext().RequestServices.GetRequiredService<AdminAccess>().HasOperatorCookie(context.GetHttpContext()),
        };
        app.MapHangfireDashboard(JobsPath, dashboard);
    }
}
