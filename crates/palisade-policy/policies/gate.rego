# The built-in release gate. Its input is the palisade report (docs/report-format.md): the
# findings of every scanner, suppressions, diagnostics, scanner runs and coverage. Its
# parameters are in data.palisade.params: `fail_on`, the lowest severity that fails
# (`--fail-on` / the `fail-on` setting), `trace`, whether traceability defects block
# (`[trace] gate`, default true), and `partial`, whether source files SAST did not fully
# analyse block (`[gate] fail-on-partial`, default true). With `palisade gate --trace TRACE.json`, input.trace is
# the trace (`palisade trace --format json`).
#
# Every member of `deny` is a reason the release is blocked: an object with a `code` and a
# `msg`. Users extend the gate with more `deny` rules in `package palisade.gate` in their
# --policy folder, or replace it (`[gate] default-policy = false`).
package palisade.gate

import rego.v1

rank := {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}

threshold := data.palisade.params.fail_on

# Findings that count: not suppressed, not baselined.
active contains f if {
	some f in input.findings
	not f.suppression
}

# A user policy's `warn` is reported and never blocks, whatever its severity.
blocking := [f |
	some f in active
	rank[f.severity] >= rank[threshold]
	not warning(f)
]

warning(f) if f.properties.policy_effect == "warn"

deny contains {"code": "scanner-failed", "msg": msg} if {
	some s in input.scanners
	s.status == "failed"
	msg := sprintf("scanner `%s` failed: %s", [s.name, object.get(s, "error", "unknown error")])
}

deny contains {"code": "findings-at-or-above-threshold", "msg": msg} if {
	n := count(blocking)
	n > 0
	plural := {true: "", false: "s"}[n == 1]
	msg := sprintf("%d unsuppressed finding%s at or above severity %s", [n, plural, threshold])
}

# A user policy's `deny` or `violation` blocks whatever severity it was given.
deny contains {"code": "policy-denied", "msg": msg} if {
	some f in active
	f.properties.policy_effect in {"deny", "violation"}
	rank[f.severity] < rank[threshold]
	msg := sprintf("policy %s denied %s:%d: %s", [f.properties.policy_rule, f.location.path, f.location.start_line, f.message])
}

# An expired suppression no longer suppresses its finding, and is itself a reason: the
# decision it recorded was due for review.
deny contains {"code": "suppression-expired", "msg": d.message} if {
	some d in input.diagnostics
	d.code == "suppression-expired"
}

# Source code that SAST did not fully analyse (over its size cap or time budget, or a rule
# stopped at its match cap): the gate cannot vouch for code it has not seen, and padding a
# file past a limit must not turn a failing gate into a passing one.
partial_files contains object.get(d, "path", "(no path)") if {
	some d in input.diagnostics
	d.code == "sast-partial"
}

deny contains {"code": "analysis-partial", "msg": msg} if {
	object.get(data.palisade.params, "partial", true)
	n := count(partial_files)
	n > 0
	first := sort(partial_files)[0]
	others := {true: "", false: sprintf(" and %d more", [n - 1])}[n == 1]
	plural := {true: "", false: "s"}[n == 1]
	msg := sprintf("%d source file%s not fully analysed by SAST: %s%s ([gate] fail-on-partial)", [n, plural, first, others])
}

# Traceability gaps: with `palisade gate --trace TRACE.json`, any item with a defect
# (uncovered, orphaned, outdated, suspect, violated, ...) blocks, unless `[trace] gate =
# false`.
deny contains {"code": "trace-defects", "msg": msg} if {
	object.get(data.palisade.params, "trace", true)
	n := input.trace.defects
	n > 0
	kinds := concat(", ", [sprintf("%d %s", [c, k]) | some k, c in input.trace.defects_by_kind])
	msg := sprintf("traceability: %s (%s)", [input.trace.verdict, kinds])
}
