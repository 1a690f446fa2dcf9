//! What kind of IaC or pipeline document a file is, from its name and, for generic YAML
//! and JSON, its content.

/// A document kind; each has its own built-in checks (`input` in their METADATA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Terraform HCL (`*.tf`), read per module folder.
    Terraform,
    /// `terraform show -json` output.
    TerraformPlan,
    /// AWS CloudFormation (YAML or JSON).
    CloudFormation,
    /// Kubernetes manifests (also rendered Helm output).
    Kubernetes,
    /// Dockerfile / Containerfile.
    Dockerfile,
    /// Docker Compose.
    Compose,
    /// GitHub Actions workflows and action metadata (`action.yml`).
    GithubActions,
    /// GitLab CI.
    GitlabCi,
}

impl Kind {
    /// The input name checks declare.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Terraform => "terraform",
            Self::TerraformPlan => "terraform-plan",
            Self::CloudFormation => "cloudformation",
            Self::Kubernetes => "kubernetes",
            Self::Dockerfile => "dockerfile",
            Self::Compose => "compose",
            Self::GithubActions => "github-actions",
            Self::GitlabCi => "gitlab-ci",
        }
    }

    /// Every kind.
    pub const ALL: [Self; 8] = [
        Self::Terraform,
        Self::TerraformPlan,
        Self::CloudFormation,
        Self::Kubernetes,
        Self::Dockerfile,
        Self::Compose,
        Self::GithubActions,
        Self::GitlabCi,
    ];

    /// Parse an input name.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Pipeline kinds belong to the `pipeline` scanner, the rest to `iac`.
    pub fn is_pipeline(self) -> bool {
        matches!(self, Self::GithubActions | Self::GitlabCi)
    }
}

/// The kind a file is by its name alone, if the name decides it.
pub fn by_name(rel: &str) -> Option<Kind> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = rel.to_ascii_lowercase();
    let lname = name.to_ascii_lowercase();
    let yaml = lname.ends_with(".yml") || lname.ends_with(".yaml");
    if lname.ends_with(".tf") {
        return Some(Kind::Terraform);
    }
    if name == "Dockerfile"
        || name.starts_with("Dockerfile.")
        || lname.ends_with(".dockerfile")
        || name == "Containerfile"
    {
        return Some(Kind::Dockerfile);
    }
    if yaml && (lower.starts_with(".github/workflows/") || lower.contains("/.github/workflows/")) {
        return Some(Kind::GithubActions);
    }
    if lname == "action.yml" || lname == "action.yaml" {
        return Some(Kind::GithubActions);
    }
    if lname == ".gitlab-ci.yml"
        || lname.ends_with(".gitlab-ci.yml")
        || (yaml && (lower.starts_with(".gitlab/ci/") || lower.contains("/.gitlab/ci/")))
    {
        return Some(Kind::GitlabCi);
    }
    if yaml
        && (lname.starts_with("docker-compose")
            || lname.starts_with("compose.")
            || lname.starts_with("compose-"))
    {
        return Some(Kind::Compose);
    }
    None
}

/// Could the file be a document we read by content (YAML or JSON)?
pub fn sniffable(rel: &str, stream: bool) -> bool {
    let l = rel.to_ascii_lowercase();
    stream
        || l.ends_with(".yml")
        || l.ends_with(".yaml")
        || l.ends_with(".json")
        || l.ends_with(".template")
}

/// The kind of a YAML or JSON document from its text.
pub fn by_content(text: &str) -> Option<Kind> {
    let head = &text[..text.len().min(64 * 1024)];
    if head.contains("\"format_version\"")
        && (head.contains("\"planned_values\"")
            || head.contains("\"resource_changes\"")
            || head.contains("\"terraform_version\""))
    {
        return Some(Kind::TerraformPlan);
    }
    if head.contains("AWSTemplateFormatVersion")
        || (head.contains("Resources") && head.contains("AWS::"))
    {
        return Some(Kind::CloudFormation);
    }
    let mut api = false;
    let mut kind = false;
    for line in head.lines() {
        let t = line.trim_start_matches(['-', ' ']);
        api |= t.starts_with("apiVersion:") || t.starts_with("\"apiVersion\"");
        kind |= t.starts_with("kind:") || t.starts_with("\"kind\"");
    }
    if api && kind {
        return Some(Kind::Kubernetes);
    }
    if head.contains("services:")
        && (head.contains("image:") || head.contains("build:"))
        && !head.contains("stages:")
    {
        return Some(Kind::Compose);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_contents() {
        assert_eq!(by_name("infra/main.tf"), Some(Kind::Terraform));
        assert_eq!(by_name("svc/Dockerfile.prod"), Some(Kind::Dockerfile));
        assert_eq!(
            by_name(".github/workflows/ci.yml"),
            Some(Kind::GithubActions)
        );
        assert_eq!(
            by_name("actions/setup/action.yaml"),
            Some(Kind::GithubActions)
        );
        assert_eq!(by_name(".gitlab-ci.yml"), Some(Kind::GitlabCi));
        assert_eq!(by_name("docker-compose.override.yml"), Some(Kind::Compose));
        assert_eq!(by_name("k8s/deploy.yaml"), None);
        assert_eq!(
            by_content("apiVersion: v1\nkind: Pod\n"),
            Some(Kind::Kubernetes)
        );
        assert_eq!(
            by_content("AWSTemplateFormatVersion: '2010-09-09'\n"),
            Some(Kind::CloudFormation)
        );
        assert_eq!(
            by_content("{\"format_version\":\"1.2\",\"planned_values\":{}}"),
            Some(Kind::TerraformPlan)
        );
        assert_eq!(by_content("name: x\nversion: 1\n"), None);
    }
}
