// swift-tools-version: 6.1
import PackageDescription

// Release builds of `credence` on Linux carry the Swift runtime and Foundation (with ICU)
// inside the executable: loading and relocating ten shared libraries was half of every
// start (docs/performance.md). Foundation's own libraries are named because the modules
// were imported from the shared SDK, whose link entries leave them out; each is listed
// twice, as the archives refer to one another. Debug builds and tests link as usual.
let staticRuntime =
  ["-static-stdlib"]
  + Array(
    repeating: [
      "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials",
      "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
      "-lswiftSynchronization", "-lstdc++",
    ], count: 2
  ).joined()
  // Not position-independent: a PIE's loader applied 88,000 relative relocations and wrote
  // 728 kB of pointers at every start (a fifth of the page faults of `eval --learner`);
  // at a fixed address they are resolved when linking (docs/decisions.md).
  + ["-Xclang-linker", "-no-pie"]

// Phases as modules, one direction: Syntax → Semantics → Runtime, with Values and
// Records as the shared vocabulary. The language core (Syntax, Semantics, Values,
// Records, Runtime) imports neither SQLite nor the terminal.
let package = Package(
  name: "Credence",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "credence", targets: ["credence"]),
    .library(name: "Credence", targets: ["Credence"]),
    // The record store, for the importer fuzz target in Fuzz/ (its own package).
    .library(name: "CredenceStore", targets: ["CredenceStore"]),
    // The language core, for the package-benchmark suite in Benchmarks/ (its own package).
    .library(
      name: "CredenceCore",
      targets: [
        "CredenceSyntax", "CredenceSemantics", "CredenceValues", "CredenceRecords",
        "CredenceRuntime", "CredenceSuggestions",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The decision service (`credence serve`). Hummingbird's default traits pull in
    // swift-configuration, which the server does not use: off, for a shorter build.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    // The advisor's pages (`CredenceWeb`): logic-less templates, HTML-escaped by default.
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // The PostgreSQL record store (`--db postgres://…`).
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    // Its TLS (`sslmode=require` and stricter): already in the graph through postgres-nio.
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
  ],
  targets: [
    // "Did you mean": one edit distance and one threshold for every suggestion. No
    // dependencies, so every layer can use it.
    .target(name: "CredenceSuggestions", exclude: ["README.md"]),
    // Source text, spans, diagnostics, lexer, syntax tree, parser.
    .target(name: "CredenceSyntax", dependencies: ["CredenceSuggestions"], exclude: ["README.md"]),
    // Exact decimals, money, civil dates, durations: the value vocabulary.
    .target(name: "CredenceValues", exclude: ["README.md"]),
    // Learner records as policies see them, and the RecordSource protocol.
    .target(name: "CredenceRecords", dependencies: ["CredenceValues"], exclude: ["README.md"]),
    // Name resolution, types, checks and lints: syntax tree → checked program.
    .target(
      name: "CredenceSemantics",
      dependencies: ["CredenceSyntax", "CredenceValues", "CredenceSuggestions"],
      exclude: ["README.md"]),
    // Evaluation, allocation, explanations.
    .target(
      name: "CredenceRuntime",
      dependencies: ["CredenceSyntax", "CredenceSemantics", "CredenceValues", "CredenceRecords"],
      exclude: ["README.md", "Allocation/README.md", "Pathways/README.md"]),
    // The SQLite learner-record store (schema v1), importers, the streaming reader.
    .target(
      name: "CredenceStore",
      dependencies: [
        "CredenceValues", "CredenceRecords", "CredenceSuggestions",
        .product(name: "GRDB", package: "GRDB.swift"),
        // The reader decodes columns through SQLite's C API (`sqlite3_column_*`).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      exclude: ["README.md"]),
    // The deterministic sample population (`credence db sample`, `eval --sample`), written
    // through the store's package-level door; a service that only reads records needs none of it.
    .target(
      name: "CredenceSample",
      dependencies: [
        "CredenceStore", "CredenceValues", .product(name: "GRDB", package: "GRDB.swift"),
        // Sample rows are bound straight to SQLite's prepared statements.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      exclude: ["README.md"]),
    // The same record contract in PostgreSQL: schema, imports and the streaming reader, the
    // rows decoded by CredenceStore's own reader (docs/decisions.md).
    .target(
      name: "CredencePostgres",
      dependencies: [
        "CredenceStore", "CredenceRecords", "CredenceValues",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      exclude: ["README.md"]),
    // `credence fmt`: the canonical layout of policy files.
    .target(name: "CredenceFormat", dependencies: ["CredenceSyntax"], exclude: ["README.md"]),
    // The facade the CLI and REPL use: load, check, evaluate, format.
    .target(
      name: "Credence",
      dependencies: [
        "CredenceSyntax", "CredenceSemantics", "CredenceValues", "CredenceRecords",
        "CredenceRuntime", "CredenceFormat", "CredenceSuggestions",
      ],
      exclude: ["README.md"]),
    // `credence serve`: the decision service over HTTP, through the facade and the store only.
    .target(
      name: "CredenceServer",
      dependencies: [
        "Credence", "CredenceStore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      exclude: ["README.md"]),
    // The advisor's pages and the cohort dashboard, mounted by `credence serve` behind the
    // same keys; every decision through the facade.
    .target(
      name: "CredenceWeb",
      dependencies: [
        // The store for the catalogue, learner-id suggestions and the cohort's batches.
        "Credence", "CredenceServer", "CredenceStore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      exclude: ["README.md"]),
    .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
    // The REPL, the server, the language server and the executable are front doors: each
    // depends on the facade (with the store and its UI libraries), never on Syntax,
    // Semantics or Runtime. SwiftPM lets a target import any module it can reach, so
    // FacadeDoorTests (CLITests) reads their imports too.
    .target(name: "CredenceREPL", dependencies: ["Credence", "CReadline"], exclude: ["README.md"]),
    // `credence lsp`: the language server, a front door on the facade like the CLI and REPL.
    .target(name: "CredenceLanguageServer", dependencies: ["Credence"], exclude: ["README.md"]),
    .executableTarget(
      name: "credence",
      dependencies: [
        // The facade, the store and the UI libraries only: the language core is reached
        // through `Credence` (FacadeDoorTests checks the imports).
        "Credence", "CredenceStore", "CredencePostgres", "CredenceSample", "CredenceREPL",
        "CredenceLanguageServer", "CredenceServer", "CredenceWeb",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // See the note at the end on unsafe flags and metadata accessors.
      swiftSettings: [
        .unsafeFlags(
          ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
          .when(configuration: .release)),
        // Swift 6.3.1's optimiser crashes (signal 11, in DeadFunctionAndGlobalElimination's
        // walk of the vtables the executable deserialises from its dependencies) when it
        // compiles this module with -O. The pass only drops this module's own unused code,
        // so skipping it here costs a little size, not speed; remove when the compiler is
        // fixed (docs/decisions.md).
        .unsafeFlags(
          ["-Xllvm", "-sil-disable-pass=DeadFunctionAndGlobalElimination"],
          .when(configuration: .release)),
      ],
      linkerSettings: [
        .unsafeFlags(staticRuntime, .when(platforms: [.linux], configuration: .release))
      ]),

    // The seeded generator the property tests share.
    .target(name: "CredenceTestSupport", path: "Tests/Support"),
    .testTarget(
      name: "CredenceSyntaxTests", dependencies: ["CredenceSyntax", "CredenceTestSupport"],
      exclude: ["spec", "golden"]),
    .testTarget(name: "CredenceSuggestionsTests", dependencies: ["CredenceSuggestions"]),
    .testTarget(
      name: "CredenceValuesTests", dependencies: ["CredenceValues", "CredenceTestSupport"],
      exclude: ["reference"]),
    .testTarget(
      name: "CredenceSemanticsTests",
      dependencies: ["CredenceSemantics", "CredenceSyntax", "CredenceTestSupport"],
      exclude: ["spec", "golden"]),
    .testTarget(
      name: "CredenceRuntimeTests",
      // The store and the sample generator only for the parity test's sample learners.
      dependencies: [
        "CredenceRuntime", "Credence", "CredenceStore", "CredenceSample", "CredenceTestSupport",
      ],
      exclude: ["spec"]),
    .testTarget(name: "CredenceStoreTests", dependencies: ["CredenceStore", "CredenceSample"]),
    // Against a PostgreSQL server named by CREDENCE_TEST_POSTGRES_URL (`.ci/run` starts one).
    .testTarget(
      name: "CredencePostgresTests",
      dependencies: ["CredencePostgres", "CredenceStore", "CredenceSample"]),
    .testTarget(name: "CredenceTests", dependencies: ["Credence"]),
    .testTarget(
      name: "CredenceLanguageServerTests",
      dependencies: ["CredenceLanguageServer", "CredenceTestSupport"]),
    .testTarget(
      name: "CredenceFormatTests", dependencies: ["CredenceFormat", "CredenceSyntax"],
      exclude: ["layouts"]),
    .testTarget(
      name: "CredenceREPLTests", dependencies: ["CredenceREPL"], exclude: ["golden", "sessions"]),
    // Starts the real server on loopback and drives every route over HTTP.
    .testTarget(
      name: "CredenceServerTests",
      dependencies: ["CredenceServer", "CredenceStore", "CredenceSample"]),
    // The pages over HTTP on loopback (Tests/Browser drives them in Chromium).
    .testTarget(
      name: "CredenceWebTests",
      dependencies: [
        "CredenceWeb", "CredenceServer", "CredenceStore", "CredenceSample", "CredenceTestSupport",
      ]),
    // Runs the built `credence` binary end to end.
    .testTarget(name: "CLITests", dependencies: ["credence"], exclude: ["Fixtures", "Golden"]),
  ]
)

// Unsafe flags are set on the executable only: SwiftPM before 6.2 refuses a dependency whose
// targets carry them, so a library target with one could not be added to another package
// (`.ci/package-check` fails if one does).
//
// The metadata accessors (the executable's release code): generic type metadata is named
// through accessor functions, not mangled names. Making a type from its mangled name looks up
// each of its conformances (`Hashable`) by scanning every conformance record of the
// executable (6,700 with Foundation linked in), ~0.2 M instructions per new key type
// (docs/performance.md). The library targets, which dependents build too, go without it
// (docs/decisions.md).
