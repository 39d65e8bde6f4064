using System.Globalization;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Registrations;

namespace LtiBadgeBridge.Lti;

/// <summary>Converts between the stored registration (<see cref="Registrations.PlatformRegistration"/>) and
/// the protocol's view of it (<see cref="LtiBadgeBridge.Lti.Platforms.PlatformRegistration"/>).</summary>
public static class RegistrationMapping
{
    public static LtiBadgeBridge.Lti.Platforms.PlatformRegistration ToProtocol(Registrations.PlatformRegistration stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var scopes = stored.GrantedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new LtiBadgeBridge.Lti.Platforms.PlatformRegistration
        {
            Id = stored.Id.ToString(CultureInfo.InvariantCulture),
            Issuer = stored.Issuer,
            ClientId = stored.ClientId,
            AuthorizationEndpoint = new Uri(stored.AuthorizationEndpoint),
            TokenEndpoint = new Uri(stored.TokenEndpoint),
            JwksUri = new Uri(stored.JwksUri),
            TokenAudience = stored.TokenAudience,
            ProductFamily = ToProductFamily(stored.ProductFamily),
            AllowedAlgorithms = stored.AllowedAlgorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            DeploymentPolicy = stored.DeploymentPolicy == DeploymentPolicies.Approve ? DeploymentPolicy.RequireApproval : DeploymentPolicy.RecordAutomatically,
            GrantedScopes = scopes.Length == 0 ? null : scopes,
            AwaitsActivation = stored.RegistrationStatus == RegistrationStatuses.Pending,
        };
    }

    public static ProductFamily ToProductFamily(string family) => family switch
    {
        ProductFamilies.Canvas => ProductFamily.Canvas,
        ProductFamilies.Moodle => ProductFamily.Moodle,
        _ => ProductFamily.Other,
    };

    public static string FromProductFamily(ProductFamily family) => family switch
    {
        ProductFamily.Canvas => ProductFamilies.Canvas,
        ProductFamily.Moodle => ProductFamilies.Moodle,
        _ => ProductFamilies.Other,
    };

    public static string ToStatus(DeploymentState state) => state switch
    {
        DeploymentState.Active => DeploymentStatuses.Active,
        DeploymentState.Pending => DeploymentStatuses.Pending,
        _ => DeploymentStatuses.Disabled,
    };

    public static DeploymentState FromStatus(string status) => status switch
    {
        DeploymentStatuses.Active => DeploymentState.Active,
        DeploymentStatuses.Pending => DeploymentState.Pending,
        _ => DeploymentState.Disabled,
    };

    /// <summary>The stored id of a protocol registration id, or null when it is not one of ours.</summary>
    public static long? ParseId(string registrationId) =>
        long.TryParse(registrationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
