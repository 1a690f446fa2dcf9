# Helpers for CloudFormation checks: resources of a type, with paths; intrinsic functions
# (`{"Ref": ...}`, `{"Fn::...": ...}`) are values that are not known without deploying.
package palisade.lib.cloudformation

import rego.v1

resources(type) := [{"name": name, "r": r, "p": object.get(r, "Properties", {}), "path": ["Resources", name]} |
	some name, r in input.Resources
	r.Type == type
]

intrinsic(v) if {
	is_object(v)
	some k, _ in v
	k in {"Ref", "Condition"}
}

intrinsic(v) if {
	is_object(v)
	some k, _ in v
	startswith(k, "Fn::")
}

is_true(v) if v == true

is_true(v) if v == "true"

as_list(v) := v if is_array(v)

as_list(v) := [v] if not is_array(v)

# A number from a value that may be a number, a numeric string, or anything else (an
# unknown `${...}`, a range, a typo): undefined unless it is a number, so one odd value
# makes a check not match instead of failing the whole scan.
num(x) := x if is_number(x)

num(x) := to_number(x) if {
	is_string(x)
	regex.match(`^\s*-?[0-9]+(\.[0-9]+)?\s*$`, x)
}
