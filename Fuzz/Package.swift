// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, kept out of the main package so that a plain `swift build` never needs
// the fuzzing runtime. Build and run with ./run.sh TARGET (README.md).
let package = Package(
  name: "CredenceFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Credence", path: "..")],
  targets: [
    // libFuzzer's driver and the fixed learners the evaluator and importer targets share.
    .target(
      name: "FuzzSupport",
      dependencies: [
        .product(name: "Credence", package: "Credence"),
        .product(name: "CredenceStore", package: "Credence"),
      ]),
    // The lexer and parser.
    .executableTarget(
      name: "FuzzFrontEnd",
      dependencies: ["FuzzSupport", .product(name: "Credence", package: "Credence")]),
    // The checker, then the evaluator on three fixed learners.
    .executableTarget(
      name: "FuzzEvaluate",
      dependencies: ["FuzzSupport", .product(name: "Credence", package: "Credence")]),
    // The formatter: idempotent, meaning kept.
    .executableTarget(
      name: "FuzzFormat",
      dependencies: ["FuzzSupport", .product(name: "Credence", package: "Credence")]),
    // The CSV and Open Badges importers against a store in memory.
    .executableTarget(
      name: "FuzzImport",
      dependencies: [
        "FuzzSupport", .product(name: "CredenceStore", package: "Credence"),
      ]),
  ]
)
