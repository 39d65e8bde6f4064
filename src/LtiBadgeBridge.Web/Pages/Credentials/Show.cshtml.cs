using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Issuance;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace LtiBadgeBridge.Web.Pages.Credentials;

/// <summary>The public verification page of a credential: no login, plain words, phone-friendly.</summary>
public sealed class ShowModel(CredentialDocuments documents) : PageModel
{
    public CredentialView? View { get; private set; }

    /// <summary>An SVG QR code of the page URL (generated here, no external service).</summary>
    public string? QrSvg { get; private set; }

    public string Verdict => View?.Standing switch
    {
        CredentialStanding.Verified => "Verified",
        CredentialStanding.Revoked => "Revoked",
        _ => "Not verified",
    };

    public string VerdictText => View?.Standing switch
    {
        CredentialStanding.Verified => "This credential is genuine: its signature checks out and it has not been revoked.",
        CredentialStanding.Revoked => "This credential has been revoked by its issuer and is no longer valid.",
        _ => "We could not confirm this credential right now.",
    };

    public async Task OnGetAsync(string publicId, CancellationToken cancellationToken)
    {
        if (publicId.Length is 0 or > 64 || !publicId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            Response.StatusCode = 404;
            return;
        }

        View = await documents.ViewAsync(publicId, cancellationToken);
        if (View is null)
        {
            Response.StatusCode = 404;
            return;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(View.PageUrl.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
