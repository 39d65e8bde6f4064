using LtiBadgeBridge.Audit;
using Microsoft.AspNetCore.Mvc;

namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>The audit log, newest first, paged, filtered by action. An LTI admin sees their platform's entries only.</summary>
public sealed class AuditModel(AuditLog audit) : AdminPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "filter")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "n")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Actions = await audit.ListActionsAsync(Admin.PlatformId, cancellationToken);
        var action = string.IsNullOrWhiteSpace(ActionFilter) ? null : ActionFilter.Trim();
        ActionFilter = action;
        var page = await audit.PageAsync(Admin.PlatformId, action, (PageNumber - 1) * PageSize, PageSize + 1, cancellationToken);
        HasNext = page.Count > PageSize;
        Entries = [.. page.Take(PageSize)];
    }

    public string PageLink(int page)
    {
        var query = new List<string>();
        if (ActionFilter is not null)
        {
            query.Add("filter=" + Uri.EscapeDataString(ActionFilter));
        }

        query.Add("n=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Href("/admin/audit?" + string.Join('&', query));
    }
}
