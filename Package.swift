// swift-tools-version:6.0
import PackageDescription

// One target per stage, each depending only on the core and on earlier stages, with the
// pipeline driver on top: the compiler, not a convention, keeps data flowing one way.
//
//   BudgetCore ← BudgetExtract ← BudgetSegment ← BudgetNormalize ← BudgetReconcile ← BudgetExport
//                                                                     BudgetETL (driver) ← budget-etl
let package = Package(
    name: "budget-etl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "budget-etl", targets: ["budget-etl"]),
        .library(name: "BudgetETL", targets: ["BudgetETL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libxml2 writes and validates the archival XML. See docs/swift-libxml2.md: the umbrella
        // header hides libxml2's ICU so a clean build does not clash with Foundation's.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libxslt applies the bag's render.xsl to report.xml: the reference (ReportHTML.render) the
        // page the run writes in Swift (ReportPage) is tested against. Its header imports CLibXML2's.
        .systemLibrary(
            name: "CLibXSLT",
            path: "Sources/CLibXSLT",
            pkgConfig: "libxslt",
            providers: [.apt(["libxslt1-dev"])]
        ),
        // What every stage shares: exact decimals, text keys and patterns, CSV and JSON writing,
        // file-system tools, errors, and the stage protocol itself.
        .target(
            name: "BudgetCore",
            dependencies: [
                "CLibXML2",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "BudgetExtract", dependencies: ["BudgetCore"]),
        .target(
            name: "BudgetSegment",
            dependencies: ["BudgetCore", "BudgetExtract"],
            // Data the stage reads, compiled into the binary so it cannot go missing.
            resources: [.embedInCode("Resources/table-kinds.json")]
        ),
        .target(
            name: "BudgetNormalize",
            dependencies: ["BudgetCore", "BudgetExtract", "BudgetSegment"],
            resources: [
                .embedInCode("Resources/classification-codes.tsv"),
                .embedInCode("Resources/claim-subjects.json"),
                .embedInCode("Resources/claim-units.json"),
                .embedInCode("Resources/table-words.json"),
            ]
        ),
        .target(
            name: "BudgetReconcile",
            dependencies: ["BudgetCore", "BudgetNormalize"],
            resources: [
                .embedInCode("Resources/economic-classes.json"),
                .embedInCode("Resources/reconcile-words.json"),
            ]
        ),
        .target(
            name: "BudgetExport",
            dependencies: [
                "BudgetCore", "CLibXML2", "CLibXSLT", "BudgetExtract", "BudgetSegment", "BudgetNormalize", "BudgetReconcile",
            ],
            resources: [
                .embedInCode("Resources/budget-report.xsd"),
                .embedInCode("Resources/dc.xsd"),
                .embedInCode("Resources/render.xsl"),
            ]
        ),
        // glibc's mallopt, which the Glibc module leaves out: a batch keeps the memory it frees
        // (BatchMemory).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The driver: configuration, the stage table, manifests, catalog, batch runs.
        .target(
            name: "BudgetETL",
            dependencies: [
                "BudgetCore", "BudgetExtract", "BudgetSegment", "BudgetNormalize", "BudgetReconcile", "BudgetExport", "CMalloc",
            ]
        ),
        .executableTarget(
            name: "budget-etl",
            dependencies: [
                "BudgetCore", "BudgetETL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BudgetETLTests",
            dependencies: [
                "BudgetCore", "BudgetExtract", "BudgetSegment", "BudgetNormalize", "BudgetReconcile", "BudgetExport",
                "BudgetETL",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target (Fuzz/), declared only when BUDGET_ETL_FUZZ is set, as `make fuzz` does:
// it links only with `-sanitize=fuzzer`, so an ordinary `swift build` or `swift test` must not
// see it. It links with lld: ld.gold fails with an internal error (format_file_lineno) when
// SwiftPM's `--defsym main=…` meets libFuzzer's own main.
if Context.environment["BUDGET_ETL_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"),
        .executableTarget(
            name: "budget-etl-fuzz",
            dependencies: [
                "CFuzzerDriver", "BudgetCore", "BudgetExtract", "BudgetSegment", "BudgetNormalize", "BudgetReconcile", "BudgetExport",
            ],
            path: "Fuzz/budget-etl-fuzz",
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
    package.products.append(.executable(name: "budget-etl-fuzz", targets: ["budget-etl-fuzz"]))
}
