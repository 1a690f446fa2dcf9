# METADATA
# title: "ECR repository allows tag overwrites"
# description: "With mutable tags (the default) a pushed image can replace what `app:1.4.2` means, so deployments by tag can change silently."
# custom:
#   id: tf-aws-ecr-tag-mutable
#   input: terraform
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "AWS Foundational Security Best Practices ECR.2"
#   remediation: "Set `image_tag_mutability = \"IMMUTABLE\"`."
package palisade.checks.terraform.tf_aws_ecr_tag_mutable

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("ECR repository %q has mutable tags", [r.name]), "path": array.concat(r.path, ["image_tag_mutability"])} if {
	some r in tf.resources("aws_ecr_repository")
	object.get(r.r, "image_tag_mutability", "MUTABLE") == "MUTABLE"
}
