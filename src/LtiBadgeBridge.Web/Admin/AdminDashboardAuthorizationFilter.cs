using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Web.Admin;

/// <summary>Opens the Hangfire dashboard to the same admins as the console: the operator always; LTI admins only
/// when <see cref="AdminOptions.LtiAdminsSeeJobs"/> is on (the dashboard is not scoped to one platform).</summary>
internal sealed class AdminDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var result = await http.RequestServices.GetRequiredService<AdminAccess>().CheckAsync(http);
        if (result.Principal is not { } admin)
        {
            return false;
        }

        return admin.SeesAllPlatforms || http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.LtiAdminsSeeJobs;
    }
}
