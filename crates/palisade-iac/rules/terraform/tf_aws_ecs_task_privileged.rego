# METADATA
# title: "ECS task container runs privileged"
# description: "A privileged ECS container has root access to the host instance."
# custom:
#   id: tf-aws-ecs-task-privileged
#   input: terraform
#   severity: high
#   cwe: [CWE-250]
#   benchmark:
#     - "AWS Foundational Security Best Practices ECS.4"
#   remediation: "Remove `privileged = true` from the container definition."
package palisade.checks.terraform.tf_aws_ecs_task_privileged

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("task definition %q runs container %q privileged", [r.name, object.get(cd, "name", "")]), "path": array.concat(r.path, ["container_definitions", i, "privileged"])} if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, cd in definitions(r.r.container_definitions)
	cd.privileged == true
}

definitions(v) := v if is_array(v)

definitions(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
}
