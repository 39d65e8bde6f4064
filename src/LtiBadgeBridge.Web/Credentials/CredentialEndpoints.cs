using System.Text;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Issuance;

namespace LtiBadgeBridge.Web.Credentials;

/// <summary>
/// Public, unauthenticated endpoints a verifier needs: issuer DID document, profile and JWKS, the status lists, each
/// credential format, the OB 2.0 hosted documents, and <c>POST /verify</c>.
/// </summary>
internal static class CredentialEndpoints
{
    private const string JsonLd = "application/ld+json";

    public static void Map(WebApplication app)
    {
        app.MapGet("/issuers/{platformId:long}", async (long platformId, CredentialDocuments docs, CancellationToken ct) =>
            Json(await docs.ProfileAsync(platformId, ct), JsonLd));
        app.MapGet("/issuers/{platformId:long}/did.json", async (long platformId, CredentialDocuments docs, CancellationToken ct) =>
            Json(await docs.DidDocumentAsync(platformId, ct), "application/did+json"));
        app.MapGet("/issuers/{platformId:long}/jwks.json", async (long platformId, CredentialDocuments docs, CancellationToken ct) =>
            Json(await docs.JwksAsync(platformId, ct), "application/jwk-set+json"));
        app.MapGet("/status/{platformId:long}/{listId:long}", async (long platformId, long listId, StatusListPublisher lists, HttpContext http, CancellationToken ct) =>
        {
            var jwt = await lists.SignedListAsync(platformId, listId, ct);
            if (jwt is null)
            {
                return NotFound("status_list_unknown", "There is no such status list.");
            }

            http.Response.Headers.CacheControl = "no-cache";
            return Results.Text(jwt, "application/vc+jwt");
        });

        app.MapGet("/credentials/{publicId}.json", async (string publicId, CredentialStore store, CancellationToken ct) =>
            await store.FindByPublicIdAsync(publicId, ct) switch
            {
                { JsonLd: { } json } => Results.Text(json, "application/vc+ld+json", Encoding.UTF8),
                { } => NotFound("format_unavailable", "This credential has no Data Integrity copy; download the JWT."),
                null => UnknownCredential(),
            });
        app.MapGet("/credentials/{publicId}.jwt", async (string publicId, CredentialStore store, CancellationToken ct) =>
            await store.FindByPublicIdAsync(publicId, ct) switch
            {
                { Jwt: { } jwt } => Results.Text(jwt, "application/vc+jwt", Encoding.ASCII),
                { } => NotFound("format_unavailable", "This credential has no JWT copy."),
                null => UnknownCredential(),
            });
        app.MapGet("/credentials/{publicId}.png", async (string publicId, CredentialStore store, CancellationToken ct) =>
            await store.FindByPublicIdAsync(publicId, ct) is { } record
                ? Results.File(CredentialDocuments.BakedPng(record), "image/png", "badge.png")
                : UnknownCredential());
        app.MapGet("/credentials/{publicId}.svg", async (string publicId, CredentialStore store, CancellationToken ct) =>
            await store.FindByPublicIdAsync(publicId, ct) is { } record
                ? Results.File(Encoding.UTF8.GetBytes(CredentialDocuments.BakedSvg(record, NameOf(record))), "image/svg+xml", "badge.svg")
                : UnknownCredential());

        app.MapGet("/ob2/assertions/{publicId}", async (string publicId, CredentialDocuments docs, CancellationToken ct) =>
            await docs.Ob2AssertionAsync(publicId, ct) is { } assertion
                ? Results.Text(assertion.Document.ToJsonString(), "application/json", Encoding.UTF8, assertion.Status)
                : UnknownCredential());
        app.MapGet("/achievements/{achievementId:long}", async (long achievementId, CredentialDocuments docs, CancellationToken ct) =>
            Json(await docs.AchievementAsync(achievementId, ct), JsonLd));
        app.MapGet("/ob2/badges/{achievementId:long}", async (long achievementId, CredentialDocuments docs, CancellationToken ct) =>
            Json(await docs.Ob2BadgeAsync(achievementId, ct), "application/json"));
        app.MapGet("/ob2/issuers/{platformId:long}", async (long platformId, CredentialDocuments docs, CancellationToken ct) =>
            Json(await docs.Ob2IssuerAsync(platformId, ct), "application/json"));

        app.MapPost("/verify", VerifyAsync).DisableAntiforgery();
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, CredentialVerification verification, CancellationToken ct)
    {
        if (request.ContentLength > CredentialVerification.MaxBytes)
        {
            return Results.Problem(statusCode: 413, title: "File too large", detail: "Upload at most 2 MB.", extensions: Code("too_large"));
        }

        Stream body = request.Body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count == 0)
            {
                return Results.Problem(statusCode: 400, title: "No file", detail: "Send the credential as a file field or as the request body.", extensions: Code("no_file"));
            }

            body = form.Files[0].OpenReadStream();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > CredentialVerification.MaxBytes)
            {
                return Results.Problem(statusCode: 413, title: "File too large", detail: "Upload at most 2 MB.", extensions: Code("too_large"));
            }
        }

        var result = await verification.VerifyAsync(buffer.ToArray(), ct);
        return Results.Json(new
        {
            standing = result.Standing.ToString().ToLowerInvariant(),
            format = result.Format?.ToString(),
            id = (string?)(result.Credential?["id"] as JsonValue),
            problems = result.Problems.Select(p => new { code = p.Code, message = p.Message }),
        });
    }

    private static string NameOf(CredentialRecord record) =>
        (string?)(CredentialDocuments.Unsigned(record)?["name"] as JsonValue) ?? "Badge";

    private static IResult Json(JsonObject? document, string contentType) =>
        document is null ? NotFound("not_found", "Nothing is published here.") : Results.Text(document.ToJsonString(), contentType, Encoding.UTF8);

    private static IResult UnknownCredential() => NotFound("credential_unknown", "No credential has this id.");

    private static IResult NotFound(string code, string detail) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: detail, extensions: Code(code));

    private static Dictionary<string, object?> Code(string code) => new(StringComparer.Ordinal) { ["code"] = code };
}
