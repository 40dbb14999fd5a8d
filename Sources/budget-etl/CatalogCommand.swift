import ArgumentParser
import BudgetCore
import BudgetETL
import Foundation

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Work with output/catalog.csv.",
        subcommands: [MergeCommand.self])

    struct MergeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Join the catalogs of several output folders (one per shard) into one.",
            discussion: "A report version listed in more than one keeps the row ingested last.")

        @Option(help: "The catalog to write.")
        var into: String

        @Argument(help: "Catalogs to join: catalog.csv files, or output folders holding one.")
        var catalogs: [String]

        func validate() throws {
            guard !catalogs.isEmpty else { throw ValidationError("name at least one catalog or output folder to merge") }
        }

        func run() throws {
            let urls = catalogs.map { path -> URL in
                let url = URL(fileURLWithPath: path)
                return FileSystem.isDirectory(url) ? url.appendingPathComponent(Catalog.fileName) : url
            }
            do {
                let rows = try Catalog.merge(urls, into: URL(fileURLWithPath: into))
                print("budget-etl: \(rows) catalog rows from \(urls.count) catalogs written to \(into)")
            } catch let error as ReportError {
                printError(error.description)
                throw ExitCode(ExitStatus.usage)
            }
        }
    }
}
