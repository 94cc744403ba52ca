// swift-tools-version: 6.1
import PackageDescription

// A libFuzzer target for the lexer and parser, kept out of the main package so that a
// plain `swift build` never needs the fuzzing runtime. Build and run with ./run.sh.
let package = Package(
  name: "CredenceFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Credence", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzFrontEnd",
      dependencies: [.product(name: "Credence", package: "Credence")]
    )
  ]
)
