using System.Text.Json.Nodes;

namespace LtiBadgeBridge.Lti.DeepLinking;

/// <summary>A Deep Linking 2.0 content item returned to the platform.</summary>
public abstract record ContentItem
{
    public string? Title { get; init; }

    public string? Text { get; init; }

    /// <summary>An icon the platform may show next to the item.</summary>
    public ContentItemImage? Icon { get; init; }

    /// <summary>A thumbnail the platform may show for the item.</summary>
    public ContentItemImage? Thumbnail { get; init; }

    /// <summary>The <c>type</c> value (see <see cref="LtiConstants.ContentItemTypes"/>).</summary>
    public abstract string Type { get; }

    internal virtual JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (Title is not null)
        {
            json["title"] = Title;
        }

        if (Text is not null)
        {
            json["text"] = Text;
        }

        if (Icon is not null)
        {
            json["icon"] = Icon.ToJson();
        }

        if (Thumbnail is not null)
        {
            json["thumbnail"] = Thumbnail.ToJson();
        }

        return json;
    }
}

/// <summary>An <c>ltiResourceLink</c>: a link that launches this tool, optionally with a line item.</summary>
public sealed record LtiResourceLinkItem : ContentItem
{
    public override string Type => LtiConstants.ContentItemTypes.LtiResourceLink;

    /// <summary>The launch URL; null means the tool's default target link URI.</summary>
    public Uri? Url { get; init; }

    public IReadOnlyDictionary<string, string>? Custom { get; init; }

    /// <summary>A gradebook column to create with the link (only if the platform accepts line items).</summary>
    public DeepLinkingLineItem? LineItem { get; init; }

    internal override JsonObject ToJson()
    {
        var json = base.ToJson();
        if (Url is not null)
        {
            json["url"] = Url.AbsoluteUri;
        }

        if (Custom is { Count: > 0 })
        {
            var custom = new JsonObject();
            foreach (var (key, value) in Custom)
            {
                custom[key] = value;
            }

            json["custom"] = custom;
        }

        if (LineItem is { } lineItem)
        {
            var item = new JsonObject { ["scoreMaximum"] = lineItem.ScoreMaximum };
            if (lineItem.Label is not null)
            {
                item["label"] = lineItem.Label;
            }

            if (lineItem.ResourceId is not null)
            {
                item["resourceId"] = lineItem.ResourceId;
            }

            if (lineItem.Tag is not null)
            {
                item["tag"] = lineItem.Tag;
            }

            json["lineItem"] = item;
        }

        return json;
    }
}

/// <summary>The <c>icon</c> or <c>thumbnail</c> of a content item: a fully qualified image URL, optionally sized.</summary>
public sealed record ContentItemImage(Uri Url, int? Width = null, int? Height = null)
{
    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["url"] = Url.AbsoluteUri };
        if (Width is { } width)
        {
            json["width"] = width;
        }

        if (Height is { } height)
        {
            json["height"] = height;
        }

        return json;
    }
}

/// <summary>The <c>lineItem</c> of an <see cref="LtiResourceLinkItem"/>.</summary>
public sealed record DeepLinkingLineItem(double ScoreMaximum, string? Label = null, string? ResourceId = null, string? Tag = null);

/// <summary>A plain <c>link</c> to a web page.</summary>
public sealed record LinkItem : ContentItem
{
    public override string Type => LtiConstants.ContentItemTypes.Link;

    public required Uri Url { get; init; }

    /// <summary><c>window</c> or <c>iframe</c>; null lets the platform choose.</summary>
    public string? DocumentTarget { get; init; }

    internal override JsonObject ToJson()
    {
        var json = base.ToJson();
        json["url"] = Url.AbsoluteUri;
        if (DocumentTarget == "window")
        {
            json["window"] = new JsonObject { ["targetName"] = "_blank" };
        }
        else if (DocumentTarget == "iframe")
        {
            json["iframe"] = new JsonObject();
        }

        return json;
    }
}

/// <summary>An <c>html</c> fragment the platform embeds.</summary>
public sealed record HtmlItem : ContentItem
{
    public override string Type => LtiConstants.ContentItemTypes.Html;

    public required string Html { get; init; }

    internal override JsonObject ToJson()
    {
        var json = base.ToJson();
        json["html"] = Html;
        return json;
    }
}
