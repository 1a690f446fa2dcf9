# Helpers for GitLab CI checks: jobs (every top-level key that is not a global keyword and
# does not start with a dot), their scripts and images, with paths.
package palisade.lib.gitlab

import rego.v1

keywords := {"stages", "variables", "default", "include", "workflow", "image", "services", "before_script", "after_script", "cache", "pages_deploy"}

jobs contains {"name": name, "job": job, "path": [name]} if {
	some name, job in input
	is_object(job)
	not name in keywords
	not startswith(name, ".")
}

# Script lines: {"line", "path"} for script, before_script and after_script (strings or lists).
script_lines contains {"job": j.name, "line": l, "path": array.concat(j.path, [key, i])} if {
	some j in jobs
	some key in ["script", "before_script", "after_script"]
	some i, l in j.job[key]
	is_string(l)
}

script_lines contains {"job": j.name, "line": j.job[key], "path": array.concat(j.path, [key])} if {
	some j in jobs
	some key in ["script", "before_script", "after_script"]
	is_string(j.job[key])
}

script_lines contains {"job": "default", "line": l, "path": [key, i]} if {
	some key in ["before_script", "after_script"]
	some i, l in input[key]
	is_string(l)
}

# Images: the global one, `default`'s and each job's; strings or {"name": ...}.
image_name(img) := img if is_string(img)

image_name(img) := img.name if is_object(img)

images contains {"image": image_name(input.image), "path": ["image"]} if input.image

images contains {"image": image_name(input["default"].image), "path": ["default", "image"]} if input["default"].image

images contains {"image": image_name(j.job.image), "path": array.concat(j.path, ["image"])} if {
	some j in jobs
	j.job.image
}
