import Foundation
import Testing
@testable import BudgetCore

/// A manifest's file records: the stamp flat beside the size, the nested form of earlier
/// versions still read, and a stamp that disagrees with the size never trusted.
@Suite struct FileRecordTests {
    let stamp = FileStamp(size: 5, modifiedNanoseconds: 1_796_216_847_330_202_368, inode: 16_220_179)

    @Test func theStampIsWrittenFlatAndReadBack() throws {
        let record = FileRecord(path: "01-extract/text.txt", sha256: "ab", size: 5, stamp: stamp)
        let json = String(decoding: try JSONStreamEncoder.encode(record), as: UTF8.self)
        #expect(json == #"{"path":"01-extract/text.txt","sha256":"ab","size":5,"modified":1796216847330202368,"inode":16220179}"#)
        #expect(try JSONCoding.decode(FileRecord.self, from: Data(json.utf8)) == record)
    }

    @Test func theNestedStampOfEarlierVersionsStillReads() throws {
        let json = #"{"path":"a","sha256":"ab","size":5,"stamp":{"inode":16220179,"modifiedNanoseconds":1796216847330202368,"size":5}}"#
        #expect(try JSONCoding.decode(FileRecord.self, from: Data(json.utf8)).stamp == stamp)
    }

    @Test func aStampOfAnotherSizeIsLeftOutSoTheFileIsHashedAgain() throws {
        let record = FileRecord(path: "a", sha256: "ab", size: 6, stamp: stamp)
        let read = try JSONCoding.decode(FileRecord.self, from: try JSONStreamEncoder.encode(record))
        #expect(read.stamp == nil && read.size == 6)
    }
}
