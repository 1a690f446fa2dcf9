# METADATA
# title: "Secret value written into a container environment variable"
# description: "A password, token or key written as a literal `env` value is stored in the manifest, in the API server and in every copy of the repository; anyone who can read the Deployment can read it."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-secret-in-env
#   input: kubernetes
#   severity: high
#   cwe: [CWE-798]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.4.1"
#   remediation: "Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount it as a file)."
package palisade.checks.kubernetes.k8s_secret_in_env

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q sets %q to a literal value; the name says it is a secret", [k8s.workload, k8s.name(x), e.name]), "path": array.concat(x.path, ["env", i, "value"])} if {
	some x in k8s.containers
	some i, e in x.c.env
	is_string(e.value)
	e.value != ""
	regex.match(`(?i)(passw(or)?d|secret|token|api_?key|private_?key|credential)`, e.name)
	not regex.match(`(?i)_(file|path|dir|url|name|user(name)?|len(gth)?|id)$`, e.name)
	not regex.match(`^\$\(.*\)$`, e.value)
}
