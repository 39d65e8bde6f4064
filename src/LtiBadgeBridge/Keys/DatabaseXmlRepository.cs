using System.Xml.Linq;
using Dapper;
using LtiBadgeBridge.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LtiBadgeBridge.Keys;

/// <summary>
/// Keeps the ASP.NET Data Protection key ring in our database, so every web and worker process can
/// read what another protected (private keys, LMS tokens).
/// </summary>
public sealed class DatabaseXmlRepository(Database database, TimeProvider timeProvider) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now) ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = timeProvider.GetUtcNow() });
    }
}
