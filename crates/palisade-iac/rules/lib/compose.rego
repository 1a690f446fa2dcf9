# Helpers for Docker Compose checks: every service with its path.
package palisade.lib.compose

import rego.v1

services contains {"name": name, "s": s, "path": ["services", name]} if {
	some name, s in input.services
	is_object(s)
}

# Volume sources: short syntax "src:dst[:mode]" or long syntax {"source": ...}.
volume_source(v) := split(v, ":")[0] if is_string(v)

volume_source(v) := v.source if is_object(v)
