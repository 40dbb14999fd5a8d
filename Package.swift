// swift-tools-version:6.0
import PackageDescription

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
        // libxml2 writes and validates the archival XML. See ../shared/docs/swift-libxml2.md:
        // the umbrella header hides libxml2's ICU so a clean build does not clash with Foundation's.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "BudgetETL",
            dependencies: [
                "CLibXML2",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Data the stages read, compiled into the binary so it cannot go missing.
            resources: [
                .embedInCode("Resources/table-kinds.json"),
                .embedInCode("Resources/classification-codes.tsv"),
                .embedInCode("Resources/budget-report.xsd"),
            ]
        ),
        .executableTarget(
            name: "budget-etl",
            dependencies: [
                "BudgetETL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BudgetETLTests",
            dependencies: ["BudgetETL"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
