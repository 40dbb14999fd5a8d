import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetExport

@Suite struct ExportOptionsTests {
    @Test func defaultsAndStrictKeys() throws {
        #expect(try JSONDecoder().decode(ExportOptions.self, from: Data("{}".utf8)) == ExportOptions())
        #expect(ExportOptions().csvByteOrderMark == false)
        #expect(try JSONDecoder().decode(ExportOptions.self, from: Data(#"{"csvByteOrderMark": true}"#.utf8)).csvByteOrderMark)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ExportOptions.self, from: Data(#"{"csvBOM": true}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ExportOptions.self, from: Data(#"{"csvByteOrderMark": "yes"}"#.utf8))
        }
    }
}
