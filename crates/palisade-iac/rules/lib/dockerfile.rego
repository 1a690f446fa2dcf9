# Helpers for Dockerfile checks. The input is the list of instructions (see
# docs/scanners/iac.md): {"Cmd", "Flags", "Value", "Original", "Stage", "StageName", "JSON"}.
package palisade.lib.dockerfile

import rego.v1

instructions contains {"i": i, "x": x} if some i, x in input

last_stage := max({x.Stage | some x in input})

final_stage contains {"i": i, "x": x} if {
	some i, x in input
	x.Stage == last_stage
}

# Names of earlier build stages (`FROM x AS build` makes `build` a stage, not an image).
stage_names contains lower(x.StageName) if {
	some x in input
	x.Cmd == "from"
	x.StageName != ""
}

run_text(x) := concat(" ", x.Value)
