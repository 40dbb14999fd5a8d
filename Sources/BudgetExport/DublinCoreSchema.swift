import BudgetCore
import CLibXML2
import Foundation

/// `dc.xsd`: the Dublin Core elements as `report.xml` writes them, in the Dublin Core namespace
/// (where harvesters look for them), declared by budget-etl's own small schema, which
/// `budget-report.xsd` imports by the relative location `dc.xsd`. It ships beside the main schema
/// in `schema/` and in every bag, so `xmllint --schema budget-report.xsd` finds it there.
public enum DublinCoreSchema {
    public static let namespace = "http://purl.org/dc/elements/1.1/"
    public static let prefix = "dc"
    public static let fileName = "dc.xsd"

    public static let data = Data(PackageResources.dc_xsd)
    public static let sha256 = Checksum.sha256(data)

    /// The schema's bytes as C characters, made once: libxml2 copies them into a new input
    /// whenever a schema import asks for `dc.xsd` (see `loader`). (libxml2 2.9's static buffers,
    /// which would read them in place, parse garbage: `xmlParserInputBufferCreateStatic` is not used.)
    private nonisolated(unsafe) static let bytes: (pointer: UnsafePointer<CChar>, count: Int) = {
        let bytes = PackageResources.dc_xsd
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
        return (UnsafePointer(pointer), bytes.count)
    }()

    /// libxml2's external entity loader for the process: the compiled-in schema, parsed from
    /// memory, has no location its import of `dc.xsd` could be resolved against, so that one name
    /// is answered from memory; everything else goes to the loader that never touches the network.
    static let loader: xmlExternalEntityLoader = { url, id, context in
        if let url, let context, strcmp(url, fileName) == 0,
           let buffer = xmlParserInputBufferCreateMem(bytes.pointer, Int32(bytes.count), XML_CHAR_ENCODING_NONE) {
            // The input stream owns the buffer from here on (and frees it, not the bytes it reads).
            return xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE)
        }
        return xmlNoNetExternalEntityLoader(url, id, context)
    }
}
