import BudgetCore
import CLibXML2

/// The schema's `tableId` constraint (no two tables share an id), checked by
/// `SchemaStreamValidator` itself rather than by libxml2 while a report is written.
///
/// Why: libxml2 evaluates an identity constraint's selector as a streaming XPath over every
/// element and attribute inside the element that declares it, here the whole document, even
/// though only the 20-odd `table` elements can match. That cost 1.5 M instructions a report,
/// nearly a quarter of libxml2's work validating it; a set of the ids seen costs next to
/// nothing. The shipped schema keeps the constraint (xmllint, an archivist's
/// validator and `ReportSchema.validate` check it as ever); only the copy compiled for streaming
/// leaves it out, and only when it reads exactly as below, so a schema edit that changes it can
/// never be checked by code that no longer matches it: the constraint then stays with libxml2.
enum TableIDConstraint {
    static let name = "tableId"
    /// The element declaring it, its selector and its field, as `budget-report.xsd` spells them.
    static let declaringElement = "budgetReport"
    static let selector = "b:tables/b:table"
    static let field = "@id"

    /// The same in the validator's terms: a `table` element, child of `tables`, child of the
    /// root, all in the report's namespace; its `id` attribute is the key. The field's type,
    /// `NonEmptyText`, is an `xs:string` keeping white space, so two ids are the same key exactly
    /// when their code points are (`ExactString`, not Swift's canonical equivalence).
    static let path = ["budgetReport", "tables", "table"]
    static let attribute = "id"

    private static let schemaNamespace = "http://www.w3.org/2001/XMLSchema"

    /// Removes the constraint from a parsed `budget-report.xsd` when it is declared as above on
    /// the root element's declaration; returns whether it did.
    static func remove(from document: xmlDocPtr) -> Bool {
        guard let schema = xmlDocGetRootElement(document), isSchemaElement(schema, "schema") else { return false }
        for declaration in children(of: schema) where isSchemaElement(declaration, "element")
            && property(declaration, "name") == declaringElement {
            for constraint in children(of: declaration) where isSchemaElement(constraint, "unique")
                && property(constraint, "name") == name && declares(constraint) {
                xmlUnlinkNode(constraint)
                xmlFreeNode(constraint)
                return true
            }
        }
        return false
    }

    /// Exactly one selector and one field, with the paths above.
    private static func declares(_ constraint: xmlNodePtr) -> Bool {
        let parts = children(of: constraint).filter { !isSchemaElement($0, "annotation") }
        return parts.count == 2
            && isSchemaElement(parts[0], "selector") && property(parts[0], "xpath") == selector
            && isSchemaElement(parts[1], "field") && property(parts[1], "xpath") == field
    }

    private static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func isSchemaElement(_ node: xmlNodePtr, _ localName: String) -> Bool {
        guard let name = node.pointee.name, let namespace = node.pointee.ns?.pointee.href else { return false }
        return String(cString: name) == localName && String(cString: namespace) == schemaNamespace
    }

    private static func property(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { budget_etl_xml_free(value) }
        return String(cString: value)
    }
}
