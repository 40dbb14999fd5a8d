import BudgetCore

// A stage's record writes its own JSON, with its file records (see `ManifestRecordsJSON.swift` in
// BudgetCore): the same bytes its `Encodable` conformance makes, which stays the definition.
extension StageRecord: JSONDirectEncodable {
    public func writeJSON(to out: inout JSONWriter) {
        out.raw("{\"stage\":")
        out.string(stage)
        out.raw(",\"status\":")
        out.string(status.rawValue)
        out.raw(",\"pipelineVersion\":")
        out.string(pipelineVersion)
        out.raw(",\"optionsSHA256\":")
        out.string(optionsSHA256)
        out.raw(",\"inputs\":")
        out.array(inputs)
        out.raw(",\"outputs\":")
        out.array(outputs)
        if let error { out.raw(",\"error\":"); error.writeJSON(to: &out) }
        out.raw(",\"finished\":")
        out.string(finished)
        out.raw(",\"durationMicroseconds\":")
        out.int(durationMicroseconds)
        out.byte(UInt8(ascii: "}"))
    }
}
