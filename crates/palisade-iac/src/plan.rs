//! `terraform show -json` plans into the Terraform document shape, so the same checks read
//! planned values (with every variable and module input resolved by Terraform itself).

use palisade_policy::doc::{Entry, Node, NodeValue};

/// Convert a plan (or state) document. Resources of `planned_values` (root and child
/// modules) become `resource.TYPE.NAME` (`module.x.NAME[0]` for module and indexed
/// resources); data sources become `data.TYPE.NAME`. Values keep their lines in the plan.
pub fn to_terraform(plan: &Node) -> Node {
    let mut doc = Node::new(NodeValue::Object(Vec::new()), plan.line, 1);
    let root = plan
        .get("planned_values")
        .or_else(|| plan.get("values"))
        .and_then(|v| v.get("root_module"));
    let mut work: Vec<&Node> = root.into_iter().collect();
    let mut budget = 100_000usize;
    while let Some(module) = work.pop() {
        if let Some(Node {
            value: NodeValue::Array(rs),
            ..
        }) = module.get("resources")
        {
            for r in rs {
                budget = budget.saturating_sub(1);
                if budget == 0 {
                    return doc;
                }
                let (Some(ty), Some(addr)) = (
                    r.get("type").and_then(Node::as_str),
                    r.get("address").and_then(Node::as_str),
                ) else {
                    continue;
                };
                let mode = if r.get("mode").and_then(Node::as_str) == Some("data") {
                    "data"
                } else {
                    "resource"
                };
                // `module.m.aws_s3_bucket.b[0]` → name `module.m.b[0]`.
                let prefix = if mode == "data" {
                    format!("data.{ty}.")
                } else {
                    format!("{ty}.")
                };
                let name = match addr.find(&prefix) {
                    Some(i) => format!("{}{}", &addr[..i], &addr[i + prefix.len()..]),
                    None => addr.to_owned(),
                };
                let values = r
                    .get("values")
                    .cloned()
                    .unwrap_or_else(|| Node::new(NodeValue::Object(Vec::new()), r.line, 1));
                insert(&mut doc, &[mode, ty, &name], r.line, &values);
            }
        }
        if let Some(Node {
            value: NodeValue::Array(children),
            ..
        }) = module.get("child_modules")
        {
            work.extend(children.iter().rev());
        }
    }
    doc
}

fn insert(root: &mut Node, keys: &[&str], line: u32, value: &Node) {
    let mut node = root;
    for (i, k) in keys.iter().enumerate() {
        let last = i + 1 == keys.len();
        if node.get(k).is_none() || last {
            let v = if last {
                value.clone()
            } else {
                Node::new(NodeValue::Object(Vec::new()), line, 1)
            };
            if let NodeValue::Object(entries) = &mut node.value {
                entries.retain(|e| e.key != *k);
                entries.push(Entry {
                    key: (*k).to_owned(),
                    line,
                    value: v,
                });
            }
        }
        if last {
            return;
        }
        let NodeValue::Object(entries) = &mut node.value else {
            return;
        };
        let Some(e) = entries.iter_mut().find(|e| e.key == *k) else {
            return;
        };
        node = &mut e.value;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plan_resources_become_terraform_resources() {
        let text = r#"{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"acl":"public-read"}}],"child_modules":[{"resources":[{"address":"module.m.aws_db_instance.d[0]","mode":"managed","type":"aws_db_instance","name":"d","values":{"publicly_accessible":true}}]}]}}}"#;
        let s = palisade_policy::yaml::parse(text);
        let doc = super::to_terraform(&s.docs[0]).to_json();
        assert_eq!(doc["resource"]["aws_s3_bucket"]["b"]["acl"], "public-read");
        assert_eq!(
            doc["resource"]["aws_db_instance"]["module.m.d[0]"]["publicly_accessible"],
            true
        );
    }
}
