//! Suspect links, the model, cycles, scans, YAML and ReqIF items, threat models, outputs.

use palisade_trace::{
    Collected, Lock, Model, OpenFinding, ScanEvidence, collect, reqif, threats, trace_with,
    verify_scan, yaml,
};

fn kinds(t: &palisade_trace::Trace, id: &str) -> Vec<&'static str> {
    t.items
        .iter()
        .find(|x| x.item.id.to_string() == id)
        .unwrap_or_else(|| panic!("{id} not traced"))
        .defects
        .iter()
        .map(palisade_trace::Defect::kind)
        .collect()
}

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect()
}

const SPEC: &str = "## Tokens\n`dsn~tokens~1`\n\nTokens last 15 minutes.\n\nNeeds: impl\n";
const CODE: &str =
    "# [impl->dsn~tokens~1]\ndef make_token():\n    return 15 * 60\n\ndef other():\n    pass\n";

#[test]
fn a_changed_item_or_changed_code_makes_its_links_suspect_until_reviewed() {
    let t0 = trace_with(
        collect(&files(&[("spec.md", SPEC), ("src/t.py", CODE)])).items,
        &Model::default(),
        None,
    );
    assert_eq!(t0.verdict, "ok - 2 total");
    let lock = t0.lock(&Lock::default());
    assert_eq!(lock.links.len(), 1);
    let key = lock.links.keys().next().expect("one link").clone();
    assert_eq!(
        key.0, "impl@src/t.py#1",
        "tags are keyed without line numbers"
    );
    // The lock file round-trips, whatever the path holds.
    let (again, problems) = Lock::parse("l", &lock.render());
    assert!(problems.is_empty());
    assert_eq!(again, lock);

    // Moving the code down (lines above) and re-indenting it is no change.
    let moved = format!(
        "import os\n\n{}",
        CODE.replace("    return", "        return")
    );
    let t = trace_with(
        collect(&files(&[("spec.md", SPEC), ("src/t.py", &moved)])).items,
        &Model::default(),
        Some(&lock),
    );
    assert_eq!(t.verdict, "ok - 2 total");
    // Code after the annotated function is not under the tag.
    let after = format!("{CODE}    x = 1\n");
    let t = trace_with(
        collect(&files(&[("spec.md", SPEC), ("src/t.py", &after)])).items,
        &Model::default(),
        Some(&lock),
    );
    assert_eq!(t.verdict, "ok - 2 total");

    // The design's text changes without a new revision: the tag below it is suspect.
    let changed = SPEC.replace("15 minutes", "30 minutes");
    let t = trace_with(
        collect(&files(&[("spec.md", &changed), ("src/t.py", CODE)])).items,
        &Model::default(),
        Some(&lock),
    );
    let tag = t.items.iter().find(|i| i.item.from_tag).expect("tag");
    assert_eq!(tag.defects[0].kind(), "suspect");
    assert_eq!(t.links.suspect, 1);
    assert!(t.trace_score < 1.0);
    // Reviewing the design clears it.
    let (reviewed, n) = t.review(&lock, &["dsn~tokens".to_owned()]);
    assert_eq!(n, 1);
    let t = trace_with(
        collect(&files(&[("spec.md", &changed), ("src/t.py", CODE)])).items,
        &Model::default(),
        Some(&reviewed),
    );
    assert_eq!(t.verdict, "ok - 2 total");

    // The code under the tag changes: suspect too, reviewed through its file.
    let code2 = CODE.replace("15 * 60", "30 * 60");
    let t = trace_with(
        collect(&files(&[("spec.md", SPEC), ("src/t.py", &code2)])).items,
        &Model::default(),
        Some(&lock),
    );
    let tag = t.items.iter().find(|i| i.item.from_tag).expect("tag");
    assert!(
        tag.defects[0].describe().contains("code under the tag"),
        "{:?}",
        tag.defects
    );
    let (reviewed, n) = t.review(&lock, &["src/t.py".to_owned()]);
    assert_eq!(n, 1);
    assert_ne!(reviewed, lock);
}

#[test]
fn downstream_changes_are_suspect_upstream_only_when_configured() {
    let spec = "`req~a~1`\nNeeds: dsn\n\n`dsn~b~1`\nText one.\nCovers: req~a~1\nNeeds: impl\n";
    let code = "// [impl->dsn~b~1]\nfn b() {}\n";
    let items = |s: &str| collect(&files(&[("s.md", s), ("b.rs", code)])).items;
    let lock = trace_with(items(spec), &Model::default(), None).lock(&Lock::default());
    let changed = spec.replace("Text one.", "Text two.");
    let t = trace_with(items(&changed), &Model::default(), Some(&lock));
    assert!(kinds(&t, "req~a~1").is_empty(), "not configured");
    assert_eq!(kinds(&t, "impl~b.rs-1~0"), ["suspect"], "the tag below is");
    let both = Model {
        suspect_upstream: true,
        ..Model::default()
    };
    let t = trace_with(items(&changed), &both, Some(&lock));
    assert_eq!(kinds(&t, "req~a~1"), ["suspect"]);
}

#[test]
fn the_model_sets_needs_tags_must_point_at_approved_items_and_cycles_are_found() {
    // No Needs: the default model (threat <- req <- dsn <- impl, utest) applies.
    let spec = "`req~a~1`\n\n`dsn~b~1`\nCovers: req~a~1\nStatus: draft\n\n`feat~x~1`\nDepends: feat~y~1\n\n`feat~y~1`\nDepends: feat~x~1\n";
    let code = "// [impl->dsn~b~1]\nfn b() {}\n";
    let t = trace_with(
        collect(&files(&[("s.md", spec), ("b.rs", code)])).items,
        &Model::default(),
        None,
    );
    assert!(kinds(&t, "req~a~1").is_empty());
    assert_eq!(kinds(&t, "dsn~b~1"), ["uncovered"], "needs utest too");
    assert_eq!(kinds(&t, "impl~b.rs-1~0"), ["unapproved"]);
    assert_eq!(kinds(&t, "feat~x~1"), ["cycle"]);
    assert_eq!(kinds(&t, "feat~y~1"), ["cycle"]);
    // A configured model: feat needs nothing, req needs nothing, drafts may be implemented.
    let mut m = Model::default();
    m.needs.insert("dsn".into(), vec!["impl".into()]);
    m.approved.push("draft".into());
    let t = trace_with(
        collect(&files(&[("s.md", spec), ("b.rs", code)])).items,
        &m,
        None,
    );
    assert!(kinds(&t, "dsn~b~1").is_empty());
    assert!(kinds(&t, "impl~b.rs-1~0").is_empty());
}

#[test]
fn requirements_are_verified_or_violated_by_scans() {
    let spec = "`req~no-creds~1`\nNeeds: dsn\nVerified-by: CWE-798\n\n`dsn~vault~1`\nCovers: req~no-creds~1\nNeeds: impl\n\n`req~no-sqli~1`\nVerified-by: sast-sql-*\nNeeds: dsn\n\n`dsn~orm~1`\nCovers: req~no-sqli~1\nNeeds: impl\n";
    let code = "// [impl->dsn~vault~1]\n// [impl->dsn~orm~1]\n";
    let items = collect(&files(&[("s.md", spec), ("c.rs", code)])).items;
    let ids: Vec<String> =
        palisade_trace::violated_by(&items, "aws-access-key-id", &["CWE-798".to_owned()])
            .map(ToString::to_string)
            .collect();
    assert_eq!(ids, ["req~no-creds~1"]);
    let t = trace_with(items, &Model::default(), None);
    let scan = ScanEvidence {
        rules: vec![("aws-access-key-id".into(), vec!["CWE-798".into()])],
        findings: vec![OpenFinding {
            rule: "aws-access-key-id".into(),
            cwes: vec!["CWE-798".into()],
            at: "deploy/creds:4".into(),
        }],
    };
    let t = verify_scan(t, &scan);
    let item = |id: &str| {
        t.items
            .iter()
            .find(|x| x.item.id.to_string() == id)
            .expect(id)
    };
    assert_eq!(item("req~no-creds~1").security, Some("violated"));
    assert_eq!(
        item("req~no-creds~1").defects[0].describe(),
        "violated: open finding aws-access-key-id at deploy/creds:4"
    );
    assert_eq!(item("req~no-sqli~1").security, Some("not-run"));
    assert_eq!(kinds(&t, "req~no-sqli~1"), ["unverified"]);
    // The same rules with no open finding: verified.
    let clean = ScanEvidence {
        rules: scan.rules.clone(),
        findings: Vec::new(),
    };
    let t = verify_scan(
        trace_with(
            collect(&files(&[("s.md", spec), ("c.rs", code)])).items,
            &Model::default(),
            None,
        ),
        &clean,
    );
    let v = t
        .items
        .iter()
        .find(|x| x.item.id.name == "no-creds")
        .expect("req");
    assert_eq!((v.security, v.defects.len()), (Some("verified"), 0));
}

const ITEMS_YAML: &str = "items:\n  - id: req~login~2\n    title: Login\n    text: |\n      Users log in.\n    needs: [dsn]\n    tags: security, auth\n    verified-by: [CWE-287]\n    attributes:\n      priority: 1\n      owner: team-a\n  - id: dsn~login~1\n    covers: [req~login~2]\n    status: Draft\n  - id: not-an-id\n  - title: no id\n  - id: dsn~x~1\n    color: blue\n";

#[test]
fn yaml_items_read_with_problems_on_their_lines_and_round_trip() {
    assert!(yaml::is_item_file("docs/auth.items.yaml"));
    assert!(!yaml::is_item_file("k8s/deploy.yaml"));
    let (items, problems) = yaml::parse("a.items.yaml", ITEMS_YAML);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].needs, ["dsn"]);
    assert_eq!(items[0].tags, ["security", "auth"]);
    assert_eq!(items[0].text, "Users log in.");
    assert_eq!(items[0].attributes["priority"], "1");
    assert_eq!(items[1].status, "draft");
    assert_eq!(items[0].line, 2);
    let lines: Vec<u32> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [15, 16, 18], "{problems:?}");
    let again = yaml::render(&items, "test");
    let (back, problems) = yaml::parse("a.items.yaml", &again);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(strip(&back), strip(&items));
    // Broken YAML: a problem, not a crash.
    let (_, problems) = yaml::parse("b.items.yaml", "items:\n  - id: [unclosed\n");
    assert!(!problems.is_empty());
}

/// Items without their place (line numbers differ between formats).
fn strip(items: &[palisade_trace::Item]) -> Vec<palisade_trace::Item> {
    items
        .iter()
        .map(|i| {
            let mut i = i.clone();
            i.path = String::new();
            i.line = 0;
            i
        })
        .collect()
}

#[test]
fn reqif_export_round_trips_through_import() {
    let spec = "## Login <needs> \"MFA\" & more\n`req~login~2`\n\nLine one.\n\nLine two, with a tab\tand ]]> and <xhtml:b>markup</xhtml:b>.\n\nNeeds: dsn, utest\nTags: security\nVerified-by: CWE-287\nStatus: proposed\n\n## Design\n`dsn~login~1`\nCovers:\n* req~login~2\nDepends:\n* dsn~other~1\n\n`dsn~other~1`\n";
    let mut items = collect(&files(&[("s.md", spec)])).items;
    items[0]
        .attributes
        .insert("Jama.Priority".into(), "High, \"urgent\"\n2nd line".into());
    items[0].seal();
    let xml = reqif::export(&items, "Spec", "2026-01-01T00:00:00Z");
    assert!(xml.contains("<REQ-IF xmlns=\"http://www.omg.org/spec/ReqIF/20110401/reqif.xsd\""));
    let (back, problems) = reqif::import("x.reqif", &xml, "req");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(strip(&back), strip(&items));
    for (a, b) in back.iter().zip(&items) {
        assert_eq!(a.hash, b.hash, "the content hash survives");
    }
}

const FOREIGN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <CORE-CONTENT><REQ-IF-CONTENT>
    <DATATYPES>
      <DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="dt-prio" LONG-NAME="Priority">
        <SPECIFIED-VALUES>
          <ENUM-VALUE IDENTIFIER="ev-high" LONG-NAME="High"/>
          <ENUM-VALUE IDENTIFIER="ev-low" LONG-NAME="Low"/>
        </SPECIFIED-VALUES>
      </DATATYPE-DEFINITION-ENUMERATION>
    </DATATYPES>
    <SPEC-TYPES>
      <SPEC-OBJECT-TYPE IDENTIFIER="t-sysreq" LONG-NAME="System Requirement">
        <SPEC-ATTRIBUTES>
          <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-id" LONG-NAME="ReqIF.ForeignID"/>
          <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="a-text" LONG-NAME="ReqIF.Text"/>
          <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-name" LONG-NAME="ReqIF.Name"/>
          <ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="a-prio" LONG-NAME="Priority" MULTI-VALUED="false"/>
          <ATTRIBUTE-DEFINITION-INTEGER IDENTIFIER="a-risk" LONG-NAME="Risk"/>
        </SPEC-ATTRIBUTES>
      </SPEC-OBJECT-TYPE>
      <SPEC-OBJECT-TYPE IDENTIFIER="t-dsn" LONG-NAME="dsn"/>
      <SPEC-RELATION-TYPE IDENTIFIER="r-sat" LONG-NAME="Satisfies"/>
    </SPEC-TYPES>
    <SPEC-OBJECTS>
      <SPEC-OBJECT IDENTIFIER="_a1b2" LAST-CHANGE="2025-01-01T00:00:00Z">
        <VALUES>
          <ATTRIBUTE-VALUE-STRING THE-VALUE="SYS-12"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>a-id</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
          <ATTRIBUTE-VALUE-STRING THE-VALUE="Pump stops &amp; alarms"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>a-name</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
          <ATTRIBUTE-VALUE-XHTML><DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>a-text</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION>
            <THE-VALUE><xhtml:div><xhtml:p>The pump <xhtml:b>stops</xhtml:b> within 1&#160;s.</xhtml:p><xhtml:p>Then it alarms.</xhtml:p></xhtml:div></THE-VALUE>
          </ATTRIBUTE-VALUE-XHTML>
          <ATTRIBUTE-VALUE-ENUMERATION><DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>a-prio</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION><VALUES><ENUM-VALUE-REF>ev-high</ENUM-VALUE-REF></VALUES></ATTRIBUTE-VALUE-ENUMERATION>
          <ATTRIBUTE-VALUE-INTEGER THE-VALUE="3"><DEFINITION><ATTRIBUTE-DEFINITION-INTEGER-REF>a-risk</ATTRIBUTE-DEFINITION-INTEGER-REF></DEFINITION></ATTRIBUTE-VALUE-INTEGER>
        </VALUES>
        <TYPE><SPEC-OBJECT-TYPE-REF>t-sysreq</SPEC-OBJECT-TYPE-REF></TYPE>
      </SPEC-OBJECT>
      <SPEC-OBJECT IDENTIFIER="_c3" LONG-NAME="Watchdog">
        <TYPE><SPEC-OBJECT-TYPE-REF>t-dsn</SPEC-OBJECT-TYPE-REF></TYPE>
      </SPEC-OBJECT>
    </SPEC-OBJECTS>
    <SPEC-RELATIONS>
      <SPEC-RELATION IDENTIFIER="rel1">
        <SOURCE><SPEC-OBJECT-REF>_c3</SPEC-OBJECT-REF></SOURCE>
        <TARGET><SPEC-OBJECT-REF>_a1b2</SPEC-OBJECT-REF></TARGET>
        <TYPE><SPEC-RELATION-TYPE-REF>r-sat</SPEC-RELATION-TYPE-REF></TYPE>
      </SPEC-RELATION>
      <SPEC-RELATION IDENTIFIER="rel2">
        <SOURCE><SPEC-OBJECT-REF>_c3</SPEC-OBJECT-REF></SOURCE>
        <TARGET><SPEC-OBJECT-REF>_gone</SPEC-OBJECT-REF></TARGET>
      </SPEC-RELATION>
    </SPEC-RELATIONS>
  </REQ-IF-CONTENT></CORE-CONTENT>
</REQ-IF>
"#;

#[test]
fn foreign_reqif_keeps_every_attribute() {
    let (items, problems) = reqif::import("doors.reqif", FOREIGN, "req");
    assert_eq!(problems.len(), 1, "the relation to a missing object");
    assert_eq!(problems[0].line, 48);
    let req = &items[0];
    assert_eq!(req.id.to_string(), "req~SYS-12~1");
    assert_eq!(req.title, "Pump stops & alarms");
    assert_eq!(req.text, "The pump stops within 1\u{a0}s.\nThen it alarms.");
    assert_eq!(req.attributes["Priority"], "High");
    assert_eq!(req.attributes["Risk"], "3");
    assert_eq!(req.attributes["ReqIF.Type"], "System Requirement");
    let dsn = &items[1];
    assert_eq!(dsn.id.to_string(), "dsn~_c3~1");
    assert_eq!(dsn.title, "Watchdog");
    assert_eq!(dsn.covers, std::slice::from_ref(&req.id));
    // Exported and imported again: nothing lost.
    let (back, _) = reqif::import("x", &reqif::export(&items, "t", "t"), "req");
    assert_eq!(strip(&back), strip(&items));
}

#[test]
fn hostile_reqif_is_refused_with_a_line() {
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<REQ-IF>&b;</REQ-IF>";
    let (items, problems) = reqif::import("bomb.reqif", bomb, "req");
    assert!(items.is_empty());
    assert_eq!(problems[0].line, 2);
    assert!(problems[0].message.contains("DOCTYPE"));
    let external = "<REQ-IF><SPEC-OBJECT IDENTIFIER=\"x\">&xxe;</SPEC-OBJECT></REQ-IF>";
    let (_, problems) = reqif::import("xxe.reqif", external, "req");
    assert!(problems[0].message.contains("entity"), "{problems:?}");
    let deep = "<a>".repeat(100_000);
    let (_, problems) = reqif::import("deep.reqif", &deep, "req");
    assert!(problems[0].message.contains("levels"));
    let (_, problems) = reqif::import("bad.reqif", "<REQ-IF>\n<SPEC-OBJECT></REQ-IF>", "req");
    assert_eq!(problems.last().map(|p| p.line), Some(2));
}

const MODEL: &str = "threat-model: Shop\nassets:\n  - id: cards\n    confidentiality: high\nboundaries:\n  - id: internet\n  - id: dc\nelements:\n  - id: user\n    type: external-entity\n    boundary: internet\n  - id: web\n    type: process\n    boundary: dc\n    privileged: true\n  - id: db\n    type: data-store\n    boundary: dc\n    assets: [cards]\n  - id: ghost\n    type: cloud\nflows:\n  - id: browse\n    from: user\n    to: web\n    protocol: http\n    assets: [cards]\n  - from: web\n    to: db\n    protocol: postgres\n  - id: lost\n    from: web\n    to: nowhere\n";

#[test]
fn threat_models_yield_stride_threats_with_stable_ids() {
    assert!(threats::is_threat_model(MODEL));
    let (m, problems) = threats::parse("tm.yaml", MODEL);
    let m = m.expect("model");
    let lines: Vec<u32> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [20, 31], "{problems:?}");
    let ids: Vec<String> = threats::derive(&m)
        .iter()
        .map(|t| format!("{} {} {}", t.id, t.stride, t.severity))
        .collect();
    assert_eq!(
        ids,
        [
            "threat~cleartext-browse~1 TI high",
            "threat~dos-web~1 D medium",
            "threat~elevation-web~1 E high",
            "threat~repudiation-web~1 R medium",
            "threat~spoofing-browse~1 S high",
            "threat~unencrypted-store-db~1 I high",
        ]
    );
    // Each is an item that needs a requirement: a mitigating requirement covers it.
    let spec = "`req~tls~1`\nCovers: threat~cleartext-browse~1\nNeeds: dsn\n";
    let Collected { items, .. } = collect(&files(&[("tm.yaml", MODEL), ("s.md", spec)]));
    let t = trace_with(items, &Model::default(), None);
    assert!(kinds(&t, "threat~cleartext-browse~1").is_empty());
    assert_eq!(kinds(&t, "threat~dos-web~1"), ["uncovered"]);
    // Encrypted, authenticated, hardened: no threats.
    let safe = MODEL
        .replace(
            "protocol: http\n",
            "protocol: https\n    authenticated: true\n",
        )
        .replace(
            "privileged: true",
            "audit-log: true\n    rate-limited: true",
        )
        .replace(
            "assets: [cards]\n  - id: ghost",
            "assets: [cards]\n    encryption-at-rest: true\n  - id: ghost",
        );
    let (m, _) = threats::parse("tm.yaml", &safe);
    assert!(threats::derive(&m.expect("model")).is_empty());
}

const THREAGILE: &str = "threagile_version: 1.0.0\ntitle: Threagile shop\ndata_assets:\n  Customer data:\n    id: customer-data\n    confidentiality: confidential\ntechnical_assets:\n  Customer:\n    id: customer\n    type: external-entity\n    internet: true\n    communication_links:\n      Web traffic:\n        target: shop\n        protocol: http\n        authentication: none\n        data_assets_sent: [customer-data]\n  Shop:\n    id: shop\n    type: process\n    communication_links:\n      Orders:\n        target: orders-db\n        protocol: jdbc-encrypted\n        authentication: credentials\n  Orders DB:\n    id: orders-db\n    type: datastore\n    encryption: none\n    data_assets_stored: [customer-data]\ntrust_boundaries:\n  DC:\n    id: dc\n    type: network-on-prem\n    technical_assets_inside: [shop, orders-db]\n";

#[test]
fn threagile_models_are_read() {
    assert!(threats::is_threat_model(THREAGILE));
    let (m, problems) = threats::parse("threagile.yaml", THREAGILE);
    assert!(problems.is_empty(), "{problems:?}");
    let m = m.expect("model");
    assert_eq!(m.elements.len(), 3);
    assert_eq!(m.flows.len(), 2);
    let ids: Vec<String> = threats::derive(&m)
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    assert!(
        ids.contains(&"threat~cleartext-customer-web-traffic~1".to_owned()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"threat~unencrypted-store-orders-db~1".to_owned()),
        "{ids:?}"
    );
}

#[test]
fn the_diagram_is_deterministic_well_formed_svg_and_dot() {
    let (m, _) = threats::parse("tm.yaml", MODEL);
    let m = m.expect("model");
    let t = threats::derive(&m);
    let svg = palisade_trace::diagram::svg(&m, &t);
    assert_eq!(svg, palisade_trace::diagram::svg(&m, &t), "deterministic");
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut elements = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) if e.name().as_ref() == b"g" => elements += 1,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}"),
        }
    }
    assert!(elements >= 6, "elements, flows and boundaries drawn");
    assert!(
        svg.contains("stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray"),
        "the cleartext flow is red"
    );
    // Names are escaped, never markup.
    let evil = MODEL.replace(
        "threat-model: Shop",
        "threat-model: \"<script>alert(1)</script>\"",
    );
    let (m2, _) = threats::parse("tm.yaml", &evil);
    let svg = palisade_trace::diagram::svg(&m2.expect("model"), &t);
    assert!(!svg.contains("<script>"));
    let dot = palisade_trace::diagram::dot(&m);
    assert!(dot.contains("subgraph cluster_0"));
    assert!(
        dot.contains("\"user\" -> \"web\" [label=\"http\", color=red, style=dashed];"),
        "{dot}"
    );
}

#[test]
fn csv_and_html_escape_what_they_print() {
    let spec = "## =HYPERLINK(\"http://x\")\n`req~a~1`\nNeeds: dsn\n\n## <img src=x onerror=alert(1)>\n`dsn~b~1`\nCovers: req~a~1\n";
    let t = trace_with(
        collect(&files(&[("docs/s p\"ec.md", spec)])).items,
        &Model::default(),
        None,
    );
    let csv = palisade_trace::matrix::csv(&t);
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{csv}");
    let html = palisade_trace::matrix::html(&t, "T", Some("javascript:alert(1)"), &[]);
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("javascript:"), "only http(s) link bases");
    assert!(html.contains("href=\"docs/s%20p%22ec.md\""));
    let html = palisade_trace::matrix::html(&t, "T", Some("https://git.example/r/blob/main/"), &[]);
    assert!(html.contains("href=\"https://git.example/r/blob/main/docs/s%20p%22ec.md#L2\""));
    assert!(html.contains("href=\"#i-req~a~1\""), "links between items");
}
