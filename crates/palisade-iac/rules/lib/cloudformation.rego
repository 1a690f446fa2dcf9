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
