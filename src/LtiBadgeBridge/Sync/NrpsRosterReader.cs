using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Sync;

/// <summary>
/// Reads a course's roster over LTI Names and Role Provisioning Services (every page; Canvas caps a page at
/// 50) from the membership URL the launch recorded (<c>courses.nrps_memberships_url</c>). NRPS is
/// unavailable — null — when the course has no such URL or the host has no LTI service client; a failure
/// comes back as a <see cref="PlatformError"/> so the caller can fall back to the LMS's REST roster.
/// </summary>
public sealed class NrpsRosterReader(PlatformStore platforms, IServiceProvider services)
{
    /// <summary>The learners of the course (NRPS <c>user_id</c> = the LTI <c>sub</c>), or null when NRPS is not available.</summary>
    public async Task<PlatformResult<IReadOnlyList<Membership>>?> ReadLearnersAsync(Course course, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (course.NrpsMembershipsUrl is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var membershipsUrl) ||
            services.GetService(typeof(NrpsClient)) is not NrpsClient client ||
            await platforms.GetAsync(course.PlatformId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var result = await client.GetMembershipsAsync(RegistrationMapping.ToProtocol(stored), membershipsUrl, null, cancellationToken);
        if (!result.IsSuccess)
        {
            return new PlatformError
            {
                Kind = result.Error!.Code == LtiErrorCodes.ScopeNotGranted ? PlatformErrorKind.NotAuthorized : PlatformErrorKind.Transient,
                Code = PlatformErrorCodes.NrpsFailed,
                Message = "The LMS's roster service (LTI NRPS) could not be read (" + result.Error.Code + "); the roster came from the LMS's REST API instead.",
            };
        }

        IReadOnlyList<Membership> learners = result.Value!.Members.Where(IsLearner).DistinctBy(m => m.UserId, StringComparer.Ordinal).ToList();
        return PlatformResult.Success(learners);
    }

    /// <summary>True for a learner (full or short role name).</summary>
    public static bool IsLearner(Membership member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Roles.Any(r => r == LtiConstants.Roles.Learner || r == "Learner");
    }

    /// <summary>NRPS <c>status</c> (Active, Inactive, Deleted) as an enrollment status.</summary>
    public static string EnrollmentStatus(Membership member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Status is null || string.Equals(member.Status, "Active", StringComparison.OrdinalIgnoreCase) ? "active" : "inactive";
    }
}
