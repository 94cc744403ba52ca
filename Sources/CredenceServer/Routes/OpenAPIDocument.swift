/// The contract of the HTTP API, served at `GET /openapi.json`. Hand-written: the routes
/// follow it, and the tests (every route in it answers as it says; schemathesis in
/// `Tests/ServiceContract`) check that they do.
enum OpenAPIDocument {
  static let json = #"""
    {
      "openapi": "3.0.3",
      "info": {
        "title": "Credence decision service",
        "version": "1",
        "description": "Decisions of the Credence policies in force (stacks, funding, equivalences) for learners of the record store or sent inline. Every reply carries the header Credence-Policy-Version, the SHA-256 of the policy files that answered, and X-Request-Id: the caller's X-Request-Id when it is a token of at most 128 letters, digits and -._: (else the server's own), also written as request_id in the server's log lines for the request. Every route but /health and /health/ready needs an API key (Authorization: Bearer KEY, or X-API-Key: KEY) whose scopes include the route's."
      },
      "servers": [{ "url": "/" }],
      "security": [{ "bearer": [] }, { "apiKey": [] }],
      "paths": {
        "/health": {
          "get": {
            "operationId": "health",
            "summary": "Liveness: the process answers.",
            "security": [],
            "responses": {
              "200": { "description": "Alive.", "headers": { "Credence-Policy-Version": { "$ref": "#/components/headers/PolicyVersion" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } }
            }
          }
        },
        "/health/ready": {
          "get": {
            "operationId": "ready",
            "summary": "Readiness: the policies are loaded and the store answers.",
            "security": [],
            "responses": {
              "200": { "description": "Ready.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } },
              "503": { "description": "Not ready: the store does not answer.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } }
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "contract",
            "summary": "This document (any valid key).",
            "responses": {
              "200": { "description": "The OpenAPI document.", "content": { "application/json": { "schema": { "type": "object" } } } },
              "401": { "$ref": "#/components/responses/Unauthenticated" }
            }
          }
        },
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics (scope metrics): requests, latency, decisions by status, reloads, the policy version in force.",
            "responses": {
              "200": { "description": "Prometheus text exposition format.", "content": { "text/plain": { "schema": { "type": "string" } } } },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" }
            }
          }
        },
        "/v1/decisions": {
          "get": {
            "operationId": "listDecisions",
            "summary": "The decisions of the policies in force, with their documentation (scope decide).",
            "responses": {
              "200": { "description": "The decisions.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DecisionList" } } } },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" }
            }
          }
        },
        "/v1/decide": {
          "post": {
            "operationId": "decide",
            "summary": "Decide for one learner of the store or sent inline (scope decide): some or all decisions, on a date, with explanations on request.",
            "description": "The learner is named in the body (never in the URL, so ids stay out of access logs). Each element of results is exactly an element of `credence eval --format json`. A decision that could not be made (records that break the store's contract, the evaluator's step limit) has status error and says why in reasons. When a decision ran out of the evaluator's steps per learner the reply is 422, with the same members and an error evaluation_step_limit beside them.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DecideRequest" } } } },
            "responses": {
              "200": { "description": "The decisions.", "headers": { "Credence-Policy-Version": { "$ref": "#/components/headers/PolicyVersion" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DecideReply" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/UnknownLearner" },
              "413": { "$ref": "#/components/responses/TooLarge" },
              "422": { "$ref": "#/components/responses/StepLimit" },
              "503": { "$ref": "#/components/responses/TimeLimit" }
            }
          }
        },
        "/v1/decide/batch": {
          "post": {
            "operationId": "decideBatch",
            "summary": "Decide for several learners of the store, by id, on one date (scope decide): at most 100 per request.",
            "description": "results is exactly `credence eval --learner A --learner B --format json`'s array (each result names its learner), the learners in the order named, each once. Ids the store does not have are listed in missing, not answered 404. The time limit is for the whole request; a learner that runs out of steps makes the reply 422 as for decide.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BatchDecideRequest" } } } },
            "responses": {
              "200": { "description": "The decisions.", "headers": { "Credence-Policy-Version": { "$ref": "#/components/headers/PolicyVersion" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BatchDecideReply" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "413": { "$ref": "#/components/responses/TooLarge" },
              "422": { "$ref": "#/components/responses/StepLimit" },
              "503": { "$ref": "#/components/responses/TimeLimit" }
            }
          }
        },
        "/v1/policies": {
          "get": {
            "operationId": "policies",
            "summary": "The policy set in force (scope decide): its version, when it was put in force, its files and how many decisions and warnings it has.",
            "responses": {
              "200": { "description": "The policy set in force.", "headers": { "Credence-Policy-Version": { "$ref": "#/components/headers/PolicyVersion" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PolicySetInfo" } } } },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" }
            }
          }
        },
        "/v1/what-if": {
          "post": {
            "operationId": "whatIf",
            "summary": "What would change for one learner with some more awards (scope decide).",
            "description": "The reply's what_if is exactly `credence eval --what-if --format json`'s object.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/WhatIfRequest" } } } },
            "responses": {
              "200": { "description": "The decisions that change.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/WhatIfReply" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/UnknownLearner" },
              "413": { "$ref": "#/components/responses/TooLarge" },
              "422": { "$ref": "#/components/responses/UnprocessableOrStepLimit" },
              "503": { "$ref": "#/components/responses/TimeLimit" }
            }
          }
        },
        "/v1/paths": {
          "post": {
            "operationId": "paths",
            "summary": "A learner's best paths to a stack or an equivalence's credit goal (scope decide).",
            "description": "The reply's paths is exactly `credence path --format json`'s object: each path a set of catalogue credentials with fees, funding and net cost (docs/pathways.md). The search is exact within its limits and says when it reached one.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PathsRequest" } } } },
            "responses": {
              "200": { "description": "The paths.", "headers": { "Credence-Policy-Version": { "$ref": "#/components/headers/PolicyVersion" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PathsReply" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/UnknownLearner" },
              "413": { "$ref": "#/components/responses/TooLarge" },
              "422": { "$ref": "#/components/responses/Unprocessable" }
            }
          }
        },
        "/v1/check": {
          "post": {
            "operationId": "check",
            "summary": "Check policy text (scope check): diagnostics as `credence check --error-format json` prints them. Nothing is stored.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckRequest" } } } },
            "responses": {
              "200": { "description": "The diagnostics (errors among them are findings, not a failed request).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckReply" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "413": { "$ref": "#/components/responses/TooLarge" }
            }
          }
        },
        "/v1/admin/reload": {
          "post": {
            "operationId": "reload",
            "summary": "Read the policy files and the keys file again (scope admin). A set with errors is refused and the set in force keeps serving.",
            "responses": {
              "200": { "description": "Loaded, or unchanged.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReloadReply" } } } },
              "401": { "$ref": "#/components/responses/Unauthenticated" },
              "403": { "$ref": "#/components/responses/Forbidden" },
              "422": { "description": "Refused: the new files have errors (details holds the diagnostics) or cannot be read.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": { "type": "http", "scheme": "bearer" },
          "apiKey": { "type": "apiKey", "in": "header", "name": "X-API-Key" }
        },
        "headers": {
          "PolicyVersion": { "description": "sha256: and the SHA-256 of the policy files in force.", "schema": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" } }
        },
        "responses": {
          "BadRequest": { "description": "The body is not JSON, misses a field, names an unknown decision or has a bad date.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Unauthenticated": { "description": "No key, or a key that is not accepted.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Forbidden": { "description": "The key's scopes do not include this route.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "UnknownLearner": { "description": "No learner with this id in the store.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "TooLarge": { "description": "The body is larger than 1 MiB.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Unprocessable": { "description": "The learner's records break the store's contract, or an award cannot be added.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "StepLimit": { "description": "A learner's evaluation ran out of the evaluator's steps (evaluation_step_limit): the reply's members as for 200, the unfinished decisions with status error and the reason, and error beside them. Asking again gives the same answer.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LimitedReply" } } } },
          "UnprocessableOrStepLimit": { "description": "The learner's records break the store's contract or an award cannot be added (an error only), or a learner's evaluation ran out of steps (evaluation_step_limit, with the reply's members as for 200).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LimitedReply" } } } },
          "TimeLimit": { "description": "The evaluation took longer than the time limit (2 s) and was stopped: the server is busy; try again after Retry-After seconds.", "headers": { "Retry-After": { "description": "Seconds to wait before trying again.", "schema": { "type": "integer", "minimum": 1 } } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        },
        "schemas": {
          "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
              "error": { "$ref": "#/components/schemas/ErrorBody" }
            }
          },
          "ErrorBody": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
              "code": { "type": "string", "description": "Stable: unauthenticated, forbidden, not_found, bad_request, body_too_large, unknown_learner, unknown_decision, unknown_target, not_a_target, invalid_record, invalid_award, evaluation_step_limit, evaluation_time_limit, policy_errors, policies_unreadable, internal_error." },
              "message": { "type": "string" },
              "details": { "description": "For policy_errors: the diagnostics, as in CheckReply." }
            }
          },
          "Health": { "type": "object", "required": ["status"], "properties": { "status": { "type": "string", "enum": ["ok", "ready", "not_ready"] } } },
          "Date": { "type": "string", "format": "date", "example": "2026-06-30" },
          "DecideRequest": {
            "type": "object",
            "description": "Exactly one of learner (an id of the store) and record (the learner's records, inline).",
            "oneOf": [{ "required": ["learner"] }, { "required": ["record"] }],
            "properties": {
              "learner": { "type": "string", "minLength": 1, "description": "A learner id of the store.", "example": "L0000001" },
              "record": { "allOf": [{ "$ref": "#/components/schemas/LearnerRecord" }], "nullable": true },
              "as_of": { "type": "string", "format": "date", "nullable": true, "description": "YYYY-MM-DD; absent or null for the default." },
              "decisions": { "type": "array", "nullable": true, "items": { "type": "string" }, "description": "The decisions to report (all when absent or null)." },
              "explain": { "type": "boolean", "default": false, "nullable": true }
            }
          },
          "ExactNumber": {
            "description": "An exact number: a decimal string (\"7.5\") or an integer, never a JSON fraction.",
            "oneOf": [{ "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" }, { "type": "integer" }]
          },
          "LearnerRecord": {
            "type": "object",
            "description": "One learner's rows of the store (records.md), credentials named by code and taken from the store's catalogue. Revoked awards are left out, as policies never see them.",
            "required": ["id"],
            "properties": {
              "id": { "type": "string", "minLength": 1 },
              "name": { "type": "string", "nullable": true },
              "birth_date": { "$ref": "#/components/schemas/Date" },
              "citizenship": { "type": "string", "nullable": true },
              "residency": { "type": "string", "enum": ["citizen", "permanent_resident", "other"] },
              "awards": {
                "type": "array", "maxItems": 1000,
                "items": {
                  "type": "object",
                  "required": ["id", "credential_code", "awarded_on"],
                  "properties": {
                    "id": { "type": "string" },
                    "credential_code": { "type": "string" },
                    "awarded_on": { "$ref": "#/components/schemas/Date" },
                    "expires_on": { "$ref": "#/components/schemas/Date" },
                    "grade": { "type": "string", "nullable": true },
                    "score": { "$ref": "#/components/schemas/ExactNumber" },
                    "status": { "type": "string", "enum": ["valid", "revoked"] },
                    "source": { "type": "string", "nullable": true }
                  }
                }
              },
              "enrolments": {
                "type": "array", "maxItems": 1000,
                "items": {
                  "type": "object",
                  "required": ["id", "credential_code", "start_on", "status"],
                  "properties": {
                    "id": { "type": "string" },
                    "credential_code": { "type": "string" },
                    "start_on": { "$ref": "#/components/schemas/Date" },
                    "end_on": { "$ref": "#/components/schemas/Date" },
                    "fee": { "$ref": "#/components/schemas/ExactNumber" },
                    "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
                    "status": { "type": "string", "enum": ["applied", "enrolled", "completed", "withdrawn"] }
                  }
                }
              },
              "funding_ledger": {
                "type": "array", "maxItems": 1000,
                "items": {
                  "type": "object",
                  "required": ["scheme", "amount", "currency", "posted_on"],
                  "properties": {
                    "id": { "type": "integer" },
                    "scheme": { "type": "string" },
                    "amount": { "$ref": "#/components/schemas/ExactNumber" },
                    "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
                    "posted_on": { "$ref": "#/components/schemas/Date" },
                    "expires_on": { "$ref": "#/components/schemas/Date" },
                    "memo": { "type": "string", "nullable": true }
                  }
                }
              },
              "facts": { "type": "object", "maxProperties": 1000, "additionalProperties": { "type": "string", "nullable": true } }
            }
          },
          "WhatIfRequest": {
            "type": "object",
            "required": ["with_awards"],
            "oneOf": [{ "required": ["learner"] }, { "required": ["record"] }],
            "properties": {
              "learner": { "type": "string", "minLength": 1, "example": "L0000001" },
              "record": { "allOf": [{ "$ref": "#/components/schemas/LearnerRecord" }], "nullable": true },
              "as_of": { "type": "string", "format": "date", "nullable": true, "description": "YYYY-MM-DD; absent or null for the default." },
              "explain": { "type": "boolean", "default": false, "nullable": true },
              "with_awards": {
                "type": "array", "minItems": 1, "maxItems": 50,
                "items": {
                  "type": "object",
                  "required": ["code"],
                  "properties": {
                    "code": { "type": "string", "minLength": 1 },
                    "date": { "type": "string", "format": "date", "nullable": true, "description": "YYYY-MM-DD; absent or null for the default." },
                    "grade": { "type": "string", "nullable": true }
                  }
                }
              }
            }
          },
          "DecisionResult": {
            "type": "object",
            "description": "One element of `credence eval --format json`.",
            "required": ["learner", "decision", "title", "kind", "enrolment", "status", "amount", "currency", "rate", "credits", "granted", "used", "missing", "reasons"],
            "properties": {
              "learner": { "type": "string" },
              "decision": { "type": "string" },
              "title": { "type": "string" },
              "kind": { "type": "string", "enum": ["stack", "fund", "equivalence"] },
              "enrolment": { "type": "string", "nullable": true },
              "status": { "type": "string", "enum": ["eligible", "ineligible", "achieved", "not achieved", "undetermined", "not in effect", "error"] },
              "amount": { "type": "string", "nullable": true },
              "currency": { "type": "string", "nullable": true },
              "rate": { "type": "string", "nullable": true, "description": "A fund's rate as a percentage, a plain decimal: \"90\" is 90%." },
              "credits": { "type": "string", "nullable": true },
              "granted": { "type": "array", "items": { "type": "string" } },
              "used": { "type": "array", "items": { "type": "string" } },
              "missing": { "type": "array", "items": { "type": "string" } },
              "reasons": { "type": "array", "items": { "type": "string" } },
              "explanation": { "$ref": "#/components/schemas/Explanation" }
            }
          },
          "Explanation": {
            "type": "object",
            "required": ["outcome", "text"],
            "properties": {
              "outcome": { "type": "string", "enum": ["held", "failed", "unknown", "info", "error"] },
              "text": { "type": "string" },
              "children": { "type": "array", "items": { "$ref": "#/components/schemas/Explanation" } }
            }
          },
          "DecideReply": {
            "type": "object",
            "required": ["policy_version", "as_of", "results"],
            "properties": {
              "policy_version": { "type": "string" },
              "as_of": { "$ref": "#/components/schemas/Date" },
              "results": { "type": "array", "items": { "$ref": "#/components/schemas/DecisionResult" } }
            }
          },
          "LimitedReply": {
            "type": "object",
            "description": "An error; for evaluation_step_limit, beside the members of the route's 200 reply (policy_version, as_of, results, missing; or policy_version, what_if).",
            "required": ["error"],
            "properties": {
              "error": { "$ref": "#/components/schemas/ErrorBody" },
              "policy_version": { "type": "string" },
              "as_of": { "$ref": "#/components/schemas/Date" },
              "results": { "type": "array", "items": { "$ref": "#/components/schemas/DecisionResult" } },
              "missing": { "type": "array", "items": { "type": "string" } },
              "what_if": { "type": "object" }
            }
          },
          "BatchDecideRequest": {
            "type": "object",
            "required": ["learners"],
            "properties": {
              "learners": { "type": "array", "minItems": 1, "maxItems": 100, "items": { "type": "string", "minLength": 1 }, "description": "Learner ids of the store; one named twice is decided once.", "example": ["L0000001", "L0000002"] },
              "as_of": { "type": "string", "format": "date", "nullable": true, "description": "YYYY-MM-DD; absent or null for the default." },
              "decisions": { "type": "array", "nullable": true, "items": { "type": "string" }, "description": "The decisions to report (all when absent or null)." },
              "explain": { "type": "boolean", "default": false, "nullable": true }
            }
          },
          "BatchDecideReply": {
            "type": "object",
            "required": ["policy_version", "as_of", "results", "missing"],
            "properties": {
              "policy_version": { "type": "string" },
              "as_of": { "$ref": "#/components/schemas/Date" },
              "results": { "type": "array", "items": { "$ref": "#/components/schemas/DecisionResult" } },
              "missing": { "type": "array", "items": { "type": "string" }, "description": "The ids named that the store does not have." }
            }
          },
          "PolicySetInfo": {
            "type": "object",
            "required": ["policy_version", "loaded_at", "files", "decisions", "warnings"],
            "properties": {
              "policy_version": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" },
              "loaded_at": { "type": "string", "format": "date-time" },
              "files": { "type": "array", "items": { "type": "string" }, "description": "File names relative to the folder they share." },
              "decisions": { "type": "integer", "minimum": 0 },
              "warnings": { "type": "integer", "minimum": 0 }
            }
          },
          "WhatIfSide": {
            "type": "object", "nullable": true,
            "required": ["status", "result"],
            "properties": {
              "status": { "type": "string" },
              "result": { "type": "string" },
              "explanation": { "$ref": "#/components/schemas/Explanation" }
            }
          },
          "WhatIfReply": {
            "type": "object",
            "required": ["policy_version", "what_if"],
            "properties": {
              "policy_version": { "type": "string" },
              "what_if": {
                "type": "object",
                "required": ["learner", "as_of", "with_awards", "changes", "unchanged"],
                "properties": {
                  "learner": { "type": "string" },
                  "as_of": { "$ref": "#/components/schemas/Date" },
                  "with_awards": { "type": "array", "items": { "type": "object", "required": ["code", "date", "grade"], "properties": { "code": { "type": "string" }, "date": { "$ref": "#/components/schemas/Date" }, "grade": { "type": "string", "nullable": true } } } },
                  "changes": { "type": "array", "items": { "type": "object", "required": ["decision", "enrolment", "before", "after"], "properties": { "decision": { "type": "string" }, "enrolment": { "type": "string", "nullable": true }, "before": { "$ref": "#/components/schemas/WhatIfSide" }, "after": { "$ref": "#/components/schemas/WhatIfSide" } } } },
                  "unchanged": { "type": "integer", "minimum": 0 }
                }
              }
            }
          },
          "PathsRequest": {
            "type": "object",
            "description": "Exactly one of learner (an id of the store) and record (the learner's records, inline); optional fields absent or null take their defaults.",
            "required": ["to"],
            "oneOf": [{ "required": ["learner"] }, { "required": ["record"] }],
            "properties": {
              "learner": { "type": "string", "minLength": 1, "example": "L0000001" },
              "record": { "allOf": [{ "$ref": "#/components/schemas/LearnerRecord" }], "nullable": true },
              "as_of": { "type": "string", "format": "date", "nullable": true, "description": "YYYY-MM-DD; absent or null for the default." },
              "to": { "type": "string", "minLength": 1, "description": "A stack, or an equivalence with credits (a fund is not a target: 400 not_a_target).", "example": "nus_gc_is" },
              "credits": { "allOf": [{ "$ref": "#/components/schemas/ExactNumber" }], "nullable": true, "description": "The credit goal of an equivalence." },
              "planned": { "type": "string", "format": "date", "nullable": true, "description": "The day the new credentials are completed (default: as_of)." },
              "by": { "type": "string", "enum": ["fewest", "cost", "hours", "credits", null], "nullable": true, "default": "fewest" },
              "limit": { "type": "integer", "minimum": 1, "maximum": 20, "nullable": true, "default": 5 },
              "max_size": { "type": "integer", "minimum": 1, "maximum": 6, "nullable": true, "default": 3 },
              "grade": { "type": "string", "nullable": true, "description": "The grade assumed on each new credential (default: the top grade of the target's scale)." }
            }
          },
          "PathsReply": {
            "type": "object",
            "required": ["policy_version", "paths"],
            "properties": {
              "policy_version": { "type": "string" },
              "paths": {
                "type": "object",
                "required": ["learner", "target", "title", "as_of", "status", "proven", "paths"],
                "properties": {
                  "learner": { "type": "string" },
                  "target": { "type": "string" },
                  "title": { "type": "string" },
                  "as_of": { "$ref": "#/components/schemas/Date" },
                  "status": { "type": "string", "enum": ["already achieved", "found", "not found", "not in effect", "error"] },
                  "proven": { "type": "boolean" },
                  "paths": { "type": "array", "items": { "type": "object", "required": ["credentials"], "properties": { "credentials": { "type": "array", "items": { "type": "object" } } } } }
                }
              }
            }
          },
          "CheckRequest": {
            "type": "object",
            "required": ["files"],
            "properties": {
              "files": {
                "type": "array", "minItems": 1, "maxItems": 200,
                "items": { "type": "object", "required": ["name", "text"], "properties": { "name": { "type": "string", "minLength": 1 }, "text": { "type": "string" } } }
              }
            }
          },
          "CheckReply": {
            "type": "object",
            "required": ["diagnostics", "omitted", "errors", "warnings"],
            "properties": {
              "diagnostics": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["severity", "code", "message", "file", "line", "column", "labels", "help"],
                  "properties": {
                    "severity": { "type": "string" },
                    "code": { "type": "string" },
                    "message": { "type": "string" },
                    "file": { "type": "string", "nullable": true },
                    "line": { "type": "integer" },
                    "column": { "type": "integer" },
                    "labels": { "type": "array", "items": { "type": "object" } },
                    "help": { "type": "string", "nullable": true }
                  }
                }
              },
              "omitted": { "type": "array", "items": { "type": "object", "properties": { "file": { "type": "string" }, "errors": { "type": "integer" } } } },
              "errors": { "type": "integer", "minimum": 0 },
              "warnings": { "type": "integer", "minimum": 0 }
            }
          },
          "DecisionList": {
            "type": "object",
            "required": ["policy_version", "decisions"],
            "properties": {
              "policy_version": { "type": "string" },
              "decisions": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["name", "title", "kind", "per_enrolment", "documentation", "policy"],
                  "properties": {
                    "name": { "type": "string" },
                    "title": { "type": "string" },
                    "kind": { "type": "string", "enum": ["stack", "fund", "equivalence"] },
                    "per_enrolment": { "type": "boolean" },
                    "documentation": { "type": "string" },
                    "policy": { "type": "string" }
                  }
                }
              }
            }
          },
          "ReloadReply": {
            "type": "object",
            "required": ["outcome", "policy_version"],
            "properties": {
              "outcome": { "type": "string", "enum": ["loaded", "unchanged"] },
              "policy_version": { "type": "string" },
              "previous_version": { "type": "string" }
            }
          }
        }
      }
    }
    """#
}
