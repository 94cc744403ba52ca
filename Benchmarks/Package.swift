// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A package depended on by path is known by its folder's name (`credence` in a clone, the
// worktree's name elsewhere), so the root package is named from the folder above this one.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
  .lastPathComponent

// The package-benchmark suite, a package of its own so that the root package's `swift test`
// never builds ordo-one/benchmark. Run with `cd Benchmarks && swift package benchmark`.
let package = Package(
  name: "CredenceBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", exact: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    // Inputs shared by the benchmarks and the profiling driver: the policy library, the
    // library grown to a megabyte, a learner with a realistic record.
    .target(
      name: "BenchmarkInputs",
      dependencies: [.product(name: "CredenceCore", package: root)]),
    .executableTarget(
      name: "FrontEnd",
      dependencies: [
        "BenchmarkInputs", .product(name: "CredenceCore", package: root),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/FrontEnd",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "Runtime",
      dependencies: [
        "BenchmarkInputs", .product(name: "CredenceCore", package: root),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/Runtime",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    // A plain driver for `valgrind --tool=callgrind` (the CLI's async runtime does not run
    // under valgrind here): runs one phase of the front end or evaluation N times.
    .executableTarget(
      name: "frontend-profile",
      dependencies: [
        "BenchmarkInputs", .product(name: "CredenceCore", package: root),
        .product(name: "Credence", package: root),
      ]),
  ]
)
