import CredenceFormat
// What the facade's API is made of, so that a caller imports `Credence` and nothing else.
//
// The value vocabulary (dates, money, exact decimals) and the record model (learners,
// awards, credentials, `RecordSource`) are re-exported whole: a caller builds learners and
// reads results with them. Of the language core (Syntax, Semantics, Runtime) only the types
// the facade's functions take or return are named here; the rest stays behind the door
// (docs/decisions.md).
@_exported import CredenceRecords
import CredenceRuntime
import CredenceSemantics
import CredenceSyntax
@_exported import CredenceValues

public typealias CheckScope = CredenceSemantics.CheckScope
public typealias Diagnostic = CredenceSyntax.Diagnostic
public typealias DiagnosticRenderer = CredenceSyntax.DiagnosticRenderer
public typealias SourceSet = CredenceSyntax.SourceSet
// Positions, for a language server turning spans into its protocol's lines and columns.
public typealias SourceFile = CredenceSyntax.SourceFile
public typealias FileID = CredenceSyntax.FileID
public typealias Span = CredenceSyntax.Span
public typealias Limits = CredenceSyntax.Limits
// JSON string literals, for whatever writes JSON (a server's envelopes, a page's data).
public typealias JSONString = CredenceSyntax.JSONString
public typealias LearnerResults = CredenceRuntime.LearnerResults
public typealias DecisionResult = CredenceRuntime.DecisionResult
public typealias Explanation = CredenceRuntime.Explanation
public typealias PathwayTarget = CredenceRuntime.PathwayTarget
public typealias PathwayObjective = CredenceRuntime.PathwayObjective
public typealias PathwayOptions = CredenceRuntime.PathwayOptions
public typealias PathwayLimits = CredenceRuntime.PathwayLimits
public typealias PathwayPlanner = CredenceRuntime.PathwayPlanner
public typealias PathwayPlan = CredenceRuntime.PathwayPlan
public typealias Pathway = CredenceRuntime.Pathway
public typealias DecisionStatus = CredenceSyntax.DecisionStatus
public typealias StackCompletion = CredenceRuntime.StackCompletion
public typealias StackCompletions = CredenceRuntime.StackCompletions
public typealias DiagnosticBag = CredenceSyntax.DiagnosticBag
public typealias DiagnosticCode = CredenceSyntax.DiagnosticCode
public typealias EvaluationCancellation = CredenceRuntime.EvaluationCancellation
public typealias UnifiedDiff = CredenceFormat.UnifiedDiff
// Names and where they are used, for a language server (`PolicyNavigator`).
public typealias SymbolIndex = CredenceSemantics.SymbolIndex
// A file's parse, kept between checks by a language server (`FrontEnd.check(_:reusing:)`).
public typealias ParsedFile = CredenceSyntax.ParsedFile
