using System.ComponentModel.DataAnnotations;

namespace LtiBadgeBridge.Web.Hosting;

/// <summary>How this process runs. Bound from the <c>Service</c> section (env: <c>Service__Role</c>).</summary>
public sealed class ServiceOptions
{
    public const string SectionName = "Service";

    /// <summary><c>all</c> (web and jobs; the default), <c>web</c>, <c>worker</c> or <c>migrate</c>.</summary>
    [Required]
    [RegularExpression("^(all|web|worker|migrate)$", ErrorMessage = "Service:Role must be one of all, web, worker, migrate (e.g. --role worker).")]
    public string Role { get; set; } = "all";

    /// <summary>
    /// The public origin the LMS and learners reach us at, e.g. https://badges.example.edu. Used in
    /// launch URLs, key set URLs, credential ids and verify links. Empty: the request's own origin.
    /// </summary>
    [Url(ErrorMessage = "Service:PublicBaseUrl must be an absolute URL such as https://badges.example.edu.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// A secret for the operator endpoints under <c>/ops</c> (sent as <c>Authorization: Bearer ...</c>) and the
    /// operator's login to the admin console at <c>/admin/login</c>. Empty: neither exists.
    /// </summary>
    public string? OperatorToken { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) certificate with private key that encrypts the Data Protection key ring at rest.
    /// Recommended in production: without it, the keys that protect our signing keys and LMS tokens are
    /// stored unencrypted in the database.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyRingCertificatePath"/>.</summary>
    public string? KeyRingCertificatePassword { get; set; }

    public HostRole ParsedRole => Role switch
    {
        "web" => HostRole.Web,
        "worker" => HostRole.Worker,
        "migrate" => HostRole.Migrate,
        _ => HostRole.All,
    };
}
