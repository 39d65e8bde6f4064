namespace LtiBadgeBridge.Web.Pages.Admin;

/// <summary>One labelled input of an admin form, with its inline message.</summary>
public sealed record FieldView(string Name, string Label, string? Value, string? Error, string Type = "text", string? Hint = null, bool Multiline = false, string Autocomplete = "off");
