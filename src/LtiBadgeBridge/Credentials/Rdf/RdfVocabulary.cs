namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>The RDF and XSD IRIs the serializers and JSON-LD need.</summary>
public static class RdfVocabulary
{
    /// <summary>rdf: namespace.</summary>
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>xsd: namespace.</summary>
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    /// <summary>rdf:type.</summary>
    public const string RdfType = Rdf + "type";

    /// <summary>rdf:first.</summary>
    public const string RdfFirst = Rdf + "first";

    /// <summary>rdf:rest.</summary>
    public const string RdfRest = Rdf + "rest";

    /// <summary>rdf:nil.</summary>
    public const string RdfNil = Rdf + "nil";

    /// <summary>rdf:langString.</summary>
    public const string RdfLangString = Rdf + "langString";

    /// <summary>rdf:JSON.</summary>
    public const string RdfJson = Rdf + "JSON";

    /// <summary>xsd:string.</summary>
    public const string XsdString = Xsd + "string";

    /// <summary>xsd:boolean.</summary>
    public const string XsdBoolean = Xsd + "boolean";

    /// <summary>xsd:integer.</summary>
    public const string XsdInteger = Xsd + "integer";

    /// <summary>xsd:double.</summary>
    public const string XsdDouble = Xsd + "double";
}
