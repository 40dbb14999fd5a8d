import BudgetCore
import BudgetExport
import BudgetExtract
import BudgetNormalize
import BudgetReconcile
import BudgetSegment
import Foundation

/// One input through extract → segment → normalize → reconcile → export in memory, as
/// `budget-etl run` takes a report with the default options, but writing no file: each stage's
/// artifact is encoded as the stage would write it, and the export's files are made (report.xml
/// validated against its schema) and dropped.
///
/// A thrown `ReportError` is a refusal, the right answer to most random bytes; a trap (an index
/// out of range, an overflow, a force-unwrapped nil) or a hang is a finding. The one exception is
/// export: it throws only when budget-etl itself made something invalid (XML its schema rejects,
/// JSON it cannot encode), never because of what the input says, so that is a finding too.
enum StagesInMemory {
    static func run(_ data: Data) {
        let extracted: ExtractedText
        let segmented: SegmentedReport
        let normalized: NormalizedReport
        let reconciled: ReconcileReport
        do {
            extracted = try TextExtractor(options: ExtractOptions(), file: "fuzz.txt").extract(data)
            _ = try JSONCoding.encode(extracted.info)
            segmented = Segmenter(kinds: .standard, options: SegmentOptions()).segment(extracted.text)
            _ = try JSONStreamEncoder.encode(segmented)
            // SegmentStage's refusal: no table and no contents entry naming one. The pipeline goes no
            // further with such text, so neither does this (a finding past it could not happen in a run).
            guard !segmented.tables.isEmpty || segmented.contents.contains(where: { $0.tableId != nil }) else { return }
            normalized = NormalizeStage.normalize(segmented, sourceLines: Segmenter.split(extracted.text, on: 0x0A))
            reconciled = Reconciler.reconcile(normalized, options: ReconcileOptions())
        } catch {
            return
        }
        // A stage run alone reads the earlier stage's file back: what normalize and reconcile
        // write must read back as what they made, whatever the input.
        do {
            let json = try JSONStreamEncoder.encode(normalized)
            guard try JSONCoding.decode(NormalizedReport.self, from: json) == normalized else {
                fatalError("normalize.json does not read back as the report it was written from")
            }
            let checks = ChecksCSV.write(reportID: "fuzz", checks: reconciled.checks)
            guard try ChecksCSV.read(checks) == reconciled.checks else {
                fatalError("checks.csv does not read back as the checks it was written from")
            }
        } catch {
            fatalError("an intermediate file does not read back: \(error)")
        }
        do {
            _ = try Exporter.export(reportID: "fuzz", extract: extracted, segmented: segmented, normalized: normalized, reconciled: reconciled)
        } catch {
            fatalError("export refused what the earlier stages made: \(error)")
        }
    }
}
