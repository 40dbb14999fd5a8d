import Foundation
import Testing
@testable import BudgetCore
@testable import BudgetETL
@testable import BudgetExtract
@testable import BudgetSegment

/// `pipeline.json`: defaults for what is absent, and every kind of bad configuration refused
/// with a message naming the key and what would be valid.
@Suite struct ConfigurationTests {
    func decode(_ json: String) throws(ConfigurationError) -> PipelineConfiguration {
        try PipelineConfiguration.decode(Data(json.utf8), source: "pipeline.json")
    }

    func refusal(_ json: String) -> ConfigurationError? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyObjectIsTheDefaults() throws {
        #expect(try decode("{}") == PipelineConfiguration())
        let defaults = PipelineConfiguration()
        #expect(defaults.input == "input")
        #expect(defaults.output == "output")
        #expect(defaults.stages == StageName.allCases)
        #expect(defaults.options[ExtractStage.self].encoding == .auto)
    }

    @Test func theRepositorysPipelineJSONLoads() throws {
        let configuration = try PipelineConfiguration.load(from: Repository.root.appendingPathComponent("pipeline.json"))
        #expect(configuration.stages == StageName.allCases)
    }

    @Test func effectiveConfigurationRoundTrips() throws {
        let configuration = try decode(#"{"jobs": 3, "options": {"extract": {"encoding": "gb18030"}}}"#)
        #expect(configuration.options[ExtractStage.self].encoding == .gb18030)
        let printed = try JSONCoding.encode(configuration.effective)
        #expect(try PipelineConfiguration.decode(printed, source: "printed") == configuration)
    }

    @Test func unknownKeyIsNamedWithTheValidOnes() throws {
        let error = try #require(refusal(#"{"stage": ["extract"]}"#))
        #expect(error.key == "stage")
        #expect(error.message.contains("unknown key"))
        #expect(error.message.contains("stages"))
    }

    @Test func unknownNestedOptionIsNamedByItsPath() throws {
        let error = try #require(refusal(#"{"options": {"extract": {"encodings": "auto"}}}"#))
        #expect(error.key == "options.extract.encodings")
        #expect(error.message.contains("encoding, maxInputBytes"))
    }

    @Test func wrongTypeNamesTheExpectedType() throws {
        let error = try #require(refusal(#"{"stages": "extract"}"#))
        #expect(error.key == "stages")
        #expect(error.message.contains("expected a list"))
        let nested = try #require(refusal(#"{"options": {"extract": {"maxInputBytes": "big"}}}"#))
        #expect(nested.key == "options.extract.maxInputBytes")
        #expect(nested.message.contains("an integer"))
    }

    @Test func unknownStageNameListsTheValidStages() throws {
        let error = try #require(refusal(#"{"stages": ["extract", "transmogrify"]}"#))
        #expect(error.key == "stages[1]")
        #expect(error.message.contains("unknown stage \"transmogrify\""))
        #expect(error.message.contains(StageTable.validNames))
    }

    @Test func optionsForAnUnknownStageAreRefused() throws {
        let error = try #require(refusal(#"{"options": {"transmogrify": {}}}"#))
        #expect(error.key == "options.transmogrify")
    }

    @Test func unknownEncodingListsTheValidOnes() throws {
        let error = try #require(refusal(#"{"options": {"extract": {"encoding": "latin-1"}}}"#))
        #expect(error.key == "options.extract.encoding")
        #expect(error.message.contains("GB18030"))
    }

    @Test func stageListedTwiceIsRefused() throws {
        let error = try #require(refusal(#"{"stages": ["extract", "extract"]}"#))
        #expect(error.key == "stages[1]")
    }

    @Test func stageListedBeforeOneItNeedsIsRefused() throws {
        let error = try #require(refusal(#"{"stages": ["segment", "extract"]}"#))
        #expect(error.key == "stages[0]")
        #expect(error.message.contains("needs \"extract\""))
        #expect(refusal(#"{"stages": ["segment"]}"#)?.key == "stages[0]")
    }

    @Test func emptyStageListIsRefused() throws {
        #expect(refusal(#"{"stages": []}"#)?.key == "stages")
    }

    @Test func newerFormatVersionIsRefused() throws {
        #expect(refusal(#"{"version": 2}"#)?.key == "version")
    }

    @Test func nonPositiveJobsAreRefused() throws {
        #expect(refusal(#"{"jobs": 0}"#)?.key == "jobs")
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let error = try #require(refusal("{\n  \"jobs\": 2,\n  ,}"))
        #expect(error.message.contains("not valid JSON"))
        #expect(error.message.contains("line 3"))
    }

    @Test func changingAStagesOptionsChangesItsFingerprintOnly() throws {
        let a = PipelineConfiguration()
        var b = a
        b.options[ExtractStage.self].encoding = .gb18030
        #expect(a.options.fingerprint(of: ExtractStage.self) != b.options.fingerprint(of: ExtractStage.self))
        b = a
        b.jobs = 7
        #expect(a.options.fingerprint(of: ExtractStage.self) == b.options.fingerprint(of: ExtractStage.self))
    }
}
