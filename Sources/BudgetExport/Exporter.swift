import BudgetCore
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import Foundation

/// The export stage's work as a plain function: every deliverable of `05-export/`, in memory,
/// named by its path inside the folder, sorted by name.
///
/// - `facts.csv`, `checks.csv`, `tables/<table_id>.csv` (see `FactsCSV`, `ChecksCSV`, `TableCSV`);
/// - `datapackage.json`, the Frictionless description of the CSVs;
/// - `report.xml`, validated against `budget-report.xsd` before it is returned: an invalid
///   document is a `ReportError`, never an output;
/// - `budget-report.xsd`, so the folder (and the archive bag) carries the schema its XML follows;
/// - `manifest.json`, the SHA-256 of every other file.
///
/// The same input and pipeline version give the same bytes.
public enum Exporter {
    public static func export(reportID: String, extract: ExtractedText, normalized: NormalizedReport,
                              reconciled: ReconcileReport, options: ExportOptions = ExportOptions()) throws(ReportError) -> [OutputFile] {
        try exportWithManifest(reportID: reportID, extract: extract, normalized: normalized, reconciled: reconciled, options: options).files
    }

    /// The files and the manifest that lists them (the export stage's artifact).
    package static func exportWithManifest(reportID: String, extract: ExtractedText, normalized: NormalizedReport,
                                   reconciled: ReconcileReport, options: ExportOptions) throws(ReportError)
        -> (files: [OutputFile], manifest: ExportManifest) {
        let bom = options.csvByteOrderMark
        var files: [String: Data] = [:]
        let (facts, factCount) = FactsCSV.write(reportID: reportID, tables: normalized.tables, byteOrderMark: bom)
        files[FactsCSV.fileName] = facts
        files[ChecksCSV.fileName] = ChecksCSV.write(reportID: reportID, checks: reconciled.checks, byteOrderMark: bom)

        var tableFiles: [String: String] = [:]
        for table in normalized.tables {
            let path = TableCSV.fileName(for: table.id)
            tableFiles[table.id] = path
            files[path] = TableCSV.write(table, byteOrderMark: bom)
        }

        let xml = try ReportXML.write(ReportXML.Input(
            reportID: reportID, extract: extract.info, normalized: normalized, reconciled: reconciled, factCount: factCount))
        try ReportSchema.validate(xml)
        files[ReportXML.fileName] = xml
        files[ReportSchema.fileName] = ReportSchema.data

        let manifest: ExportManifest
        do {
            files[DataPackage.fileName] = try DataPackage.encode(
                reportID: reportID, metadata: normalized.metadata, tables: normalized.tables, tableFiles: tableFiles, files: files)
            manifest = ExportManifest(reportID: reportID, extract: extract.info, metadata: normalized.metadata,
                                      facts: factCount, checks: reconciled.checks.count, files: files)
            files[ExportManifest.fileName] = try manifest.encoded()
        } catch {
            throw ReportError(file: DataPackage.fileName, stage: "export", message: "cannot be encoded: \(error)")
        }
        let outputs = files.keys.sorted().map { name in
            OutputFile(name: name, data: files[name]!, sameInEveryReport: name == ReportSchema.fileName)
        }
        return (outputs, manifest)
    }
}
