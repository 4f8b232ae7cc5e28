// swift-tools-version: 6.0
import PackageDescription

// The tables of data/ and the seed page of seeds/ are compiled into the binary, so that it works when copied
// alone: SwiftPM embeds each file named here as `PackageResources.<name>` of FiguresData (data/EmbeddedData.swift)
// or FiguresSeeds (seeds/EmbeddedSeeds.swift). A new table needs its name here and a line in data/EmbeddedData.swift.
let tables = [
    "banks.tsv", "central-banks.tsv", "commodities.tsv", "companies.tsv", "countries.tsv",
    "country-abbreviations.tsv", "cues.tsv", "currencies.tsv", "currency-magnitudes.tsv", "fx-names.tsv",
    "governments.tsv", "hong-kong-words.tsv", "index-groups.tsv", "indices.tsv", "market-cities.tsv", "market-places.tsv",
    "measure-words.tsv", "numeral-words.tsv", "qualifiers.tsv", "region-words.tsv", "script-fold.tsv",
    "tariff-scopes.tsv", "yields.tsv", "exchanges.tsv", "market-tables.tsv", "metal-letters.tsv",
]

// The pipeline, one module a stage, dependencies pointing one way:
// FiguresText (normalise) → FiguresQuantities (numbers, percents, amounts, dates)
// → FiguresExtraction (observations) → FiguresStore (SQLite, or PostgreSQL) → FiguresReports (tables, CSV)
// → figures (the thin CLI).
let package = Package(
    name: "figures",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "figures", targets: ["figures"]),
        .library(name: "FiguresExtraction", targets: ["FiguresExtraction"]),
        .library(name: "FiguresStore", targets: ["FiguresStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // iconv (GB18030, Big5) is in the C library on Linux, in libiconv on macOS
        .target(name: "FiguresData", path: "data", resources: tables.map { .embedInCode($0) }),
        .target(name: "FiguresSeeds", path: "seeds", resources: [.embedInCode("index.tsv"), .embedInCode("000_ebbe0d012c511b39.txt")]),
        .target(name: "FiguresText", dependencies: ["FiguresData"], linkerSettings: [.linkedLibrary("iconv", .when(platforms: [.macOS]))]),
        .target(name: "FiguresQuantities", dependencies: ["FiguresText"]),
        .target(name: "FiguresExtraction", dependencies: ["FiguresText", "FiguresQuantities"]),
        .target(
            name: "FiguresStore",
            dependencies: [
                "FiguresExtraction", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(name: "FiguresReports", dependencies: ["FiguresText", "FiguresExtraction", "FiguresStore"]),
        .executableTarget(
            name: "figures",
            dependencies: [
                "FiguresText", "FiguresExtraction", "FiguresStore", "FiguresReports", "FiguresQuantities", "FiguresSeeds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput of the pipeline stages in-process (scripts/bench builds and runs it in release).
        .executableTarget(name: "figures-bench", dependencies: ["FiguresExtraction", "FiguresQuantities", "FiguresText"]),
        // libFuzzer target (scripts/fuzz builds it with -sanitize=fuzzer and -DFIGURES_FUZZ); a plain build
        // replays files through the same oracles.
        .executableTarget(name: "figures-fuzz", dependencies: ["FiguresExtraction", "FiguresQuantities", "FiguresText"]),
        .testTarget(
            name: "FiguresTests",
            dependencies: ["FiguresData", "FiguresText", "FiguresQuantities", "FiguresExtraction", "FiguresStore", "FiguresReports", "figures",
                           .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
    ]
)
