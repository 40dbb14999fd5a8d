import CLibXML2

/// The libxml2 this build links, recorded with the software version in every manifest:
/// an archivist can tell which schema validator accepted a file.
public enum LibXML {
    public static var version: String { String(cString: budget_etl_libxml_version()) }
}
