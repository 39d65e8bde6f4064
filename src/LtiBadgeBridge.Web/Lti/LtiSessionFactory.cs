using System.Globalization;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Platforms;

namespace LtiBadgeBridge.Web.Lti;

/// <summary>Builds the iframe session of a validated launch and picks the page it lands on.</summary>
internal static class LtiSessionFactory
{
    public const string LearnerPath = "/lti/learner";
    public const string InstructorPath = "/lti/instructor";
    public const string AdminPath = "/lti/admin";
    public const string DeepLinkPath = "/lti/deep-link";

    public static LtiSession Create(LtiLaunch launch, LaunchBinding binding, DateTimeOffset expiresAt)
    {
        var message = launch.Message;
        var settings = message.IsDeepLinkingRequest ? message.DeepLinkingSettings : null;
        return new LtiSession
        {
            PlatformId = binding.PlatformId,
            Issuer = launch.Registration.Issuer,
            ClientId = launch.Registration.ClientId,
            DeploymentId = launch.DeploymentId,
            CourseId = binding.CourseId,
            ContextTitle = message.Context?.Title,
            PersonId = binding.PersonId,
            PersonName = message.Name,
            Roles = launch.Roles,
            FrameAncestors = FrameAncestors(launch.Registration, message),
            ExpiresAt = expiresAt,
            DeepLink = settings is null ? null : new DeepLinkRequestState
            {
                ReturnUrl = settings.DeepLinkReturnUrl,
                Data = settings.Data,
                AcceptTypes = settings.AcceptTypes,
                AcceptMultiple = settings.AcceptMultiple,
                AcceptLineItem = settings.AcceptLineItem,
            },
        };
    }

    /// <summary>The custom parameter of a deep-linked badge card: the <c>achievements.id</c> it opens.</summary>
    public const string AchievementIdCustomParameter = "achievement_id";

    /// <summary>Where a launch lands. A resource link carrying <see cref="AchievementIdCustomParameter"/> (a badge card)
    /// opens that achievement: the learner's view, or the instructor's for instructors and admins.</summary>
    public static string LandingPath(LtiSession session, IReadOnlyDictionary<string, string>? custom = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.DeepLink is null && AchievementIdOf(custom) is { } achievementId)
        {
            var id = achievementId.ToString(CultureInfo.InvariantCulture);
            return session.IsInstructor ? InstructorPath + "/achievements/" + id : LearnerPath + "/achievements/" + id;
        }

        return session.DeepLink is not null ? DeepLinkPath
            : session.Roles.HasFlag(LtiRoleKind.Admin) ? AdminPath
            : session.Roles.HasFlag(LtiRoleKind.Instructor) ? InstructorPath
            : LearnerPath;
    }

    /// <summary>The positive achievement id in the launch's custom claim, or null (absent, an unexpanded variable, garbage).</summary>
    public static long? AchievementIdOf(IReadOnlyDictionary<string, string>? custom) =>
        custom is not null && custom.TryGetValue(AchievementIdCustomParameter, out var value)
        && long.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    /// <summary>The origins that may frame our pages: the platform's issuer, authorization and token endpoint
    /// hosts (Canvas: the institution's own domain), the launch's return URL, and for Canvas its cloud domain.</summary>
    public static IReadOnlyList<string> FrameAncestors(PlatformRegistration registration, LtiMessage message)
    {
        var origins = new List<string>();
        void Add(string? value)
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && !string.IsNullOrEmpty(uri.Host))
            {
                var origin = uri.GetLeftPart(UriPartial.Authority);
                if (!origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
                {
                    origins.Add(origin);
                }
            }
        }

        Add(registration.Issuer);
        Add(registration.AuthorizationEndpoint.AbsoluteUri);
        Add(registration.TokenEndpoint.AbsoluteUri);
        Add(message.LaunchPresentation?.ReturnUrl?.AbsoluteUri);
        if (registration.ProductFamily == ProductFamily.Canvas)
        {
            origins.Add("https://*.instructure.com");
        }

        return origins;
    }
}
