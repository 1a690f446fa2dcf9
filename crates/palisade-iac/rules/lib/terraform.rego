# Helpers for Terraform checks. Documents have conftest's HCL2 shape; a nested block is an
# object, a repeated block an array (plans always use arrays): `blocks` reads both.
package palisade.lib.terraform

import rego.v1

# Every resource of `type`: {"name", "r", "path"}.
resources(type) := [{"name": name, "r": r, "path": ["resource", type, name]} |
	some name, r in input.resource[type]
	is_object(r)
]

# Blocks `key` inside `obj` at `path`, as a list of {"b", "path"}.
blocks(obj, key, path) := [{"b": b, "path": array.concat(path, [key, i])} |
	some i, b in obj[key]
] if is_array(obj[key])

blocks(obj, key, path) := [{"b": obj[key], "path": array.concat(path, [key])}] if is_object(obj[key])

blocks(obj, key, _) := [] if not has_key(obj, key)

has_key(obj, k) if {
	is_object(obj)
	_ = obj[k]
}

# Not known before apply (another resource's attribute): `${...}`.
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

# A literal `true` (or the string "true").
is_true(v) if v == true

is_true(v) if v == "true"

is_false(v) if v == false

is_false(v) if v == "false"

# Another resource of `type` refers to `name` in attribute `attr` (`bucket = aws_s3_bucket.b.id`).
referenced_by(type, attr, target_type, name) if {
	some other in resources(type)
	v := other.r[attr]
	is_string(v)
	contains(v, sprintf("%s.%s.", [target_type, name]))
}

referenced_by(type, attr, _, name) if {
	some other in resources(type)
	other.r[attr] == name
}

# Any resource of `type` at all (for checks that accept a module-wide setting).
any_resource(type) if count(resources(type)) > 0

world_cidrs := {"0.0.0.0/0", "::/0"}

open_to_world(cidrs) if {
	some c in cidrs
	c in world_cidrs
}

# A port range covers `port`.
covers_port(from, to, port) if {
	num(from) <= port
	num(to) >= port
}

covers_port(from, to, _) if {
	num(from) == 0
	num(to) == 0
}

covers_port(from, to, _) if {
	num(from) == -1
	num(to) == -1
}

# IAM policy documents: inline objects (jsonencode keeps them) or JSON strings.
policy_doc(v) := v if is_object(v)

policy_doc(v) := json.unmarshal(v) if {
	is_string(v)
	not unknown(v)
	json.is_valid(v)
}

statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

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
