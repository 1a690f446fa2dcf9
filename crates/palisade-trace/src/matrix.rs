//! The trace as CSV (one row per item) and as a self-contained HTML traceability matrix:
//! every item with what it covers (upstream) and what covers it (downstream), its status
//! and defects, filterable by text, type and status, each item linked to its file and line.

use std::fmt::Write as _;

use crate::trace::{Trace, Traced};

fn csv_cell(s: &str) -> String {
    // A cell a spreadsheet would run as a formula starts with a quote instead.
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn ids(v: &[crate::ItemId]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn defects(t: &Traced) -> Vec<String> {
    t.defects.iter().map(crate::Defect::describe).collect()
}

/// One row per item.
pub fn csv(trace: &Trace) -> String {
    let mut o = String::from(
        "id,type,name,revision,title,status,defects,verification,security,covers,covered_by,depends,path,line\n",
    );
    for t in &trace.items {
        let it = &t.item;
        let row = [
            it.id.to_string(),
            it.id.kind.clone(),
            it.id.name.clone(),
            it.id.revision.to_string(),
            it.title.clone(),
            t.status.to_owned(),
            defects(t).join("; "),
            t.verification.unwrap_or("").to_owned(),
            t.security.unwrap_or("").to_owned(),
            ids(&it.covers),
            ids(&t.covered_by),
            ids(&it.depends),
            it.path.clone(),
            it.line.to_string(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        o.push_str(&cells.join(","));
        o.push('\n');
    }
    o
}

fn esc(s: &str) -> String {
    palisade_core::text::escape_markup(s, false)
}

/// Percent-encode a path for an href (segments kept).
fn href_path(p: &str) -> String {
    let mut out = String::new();
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn anchor(id: &crate::ItemId) -> String {
    format!("i-{}", href_path(&id.to_string()).replace('%', "_"))
}

/// The HTML matrix. `link_base` (an `http(s)://` address) prefixes file links; without it
/// they are relative paths. `diagrams` are SVG data-flow diagrams (drawn by palisade) shown
/// below the matrix.
#[allow(clippy::too_many_lines)]
pub fn html(
    trace: &Trace,
    title: &str,
    link_base: Option<&str>,
    diagrams: &[(String, String)],
) -> String {
    let base = link_base
        .filter(|b| b.starts_with("https://") || b.starts_with("http://"))
        .map(|b| b.trim_end_matches('/').to_owned());
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(o, "<title>{}</title>", esc(title));
    o.push_str(
        r"<style>
body{font-family:system-ui,sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px}
.summary{margin:8px 0 16px;color:#444}
.verdict{font-family:monospace;font-weight:bold;padding:2px 6px;border-radius:4px}
.verdict.ok{background:#e8f5e9;color:#1b5e20}.verdict.notok{background:#ffebee;color:#b71c1c}
.controls{display:flex;gap:12px;margin-bottom:12px;flex-wrap:wrap}
input,select{font-size:14px;padding:4px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f5f5f5;position:sticky;top:0}
td.id{font-family:monospace;white-space:nowrap}
.badge{display:inline-block;padding:1px 6px;border-radius:10px;font-size:12px;white-space:nowrap}
.covered{background:#c8e6c9;color:#1b5e20}.defect{background:#ffcdd2;color:#b71c1c}
.suspect{background:#fff3c4;color:#7a5c00}.violated,.failing{background:#ffcdd2;color:#b71c1c}
.verified{background:#c8e6c9;color:#1b5e20}.not-run{background:#eceff1;color:#455a64}
ul{margin:0;padding-left:16px}
a{color:#1565c0}
.diagram{margin-top:24px;overflow:auto;border:1px solid #ddd}
</style></head><body>
",
    );
    let _ = writeln!(o, "<h1>{}</h1>", esc(title));
    let _ = writeln!(
        o,
        "<div class=\"summary\"><span class=\"verdict {}\">{}</span> · {} items · {} of {} expected links present and valid (trace score {:.0}%) · {} suspect links</div>",
        if trace.defects == 0 { "ok" } else { "notok" },
        esc(&trace.verdict()),
        trace.total,
        trace.links.valid.saturating_sub(trace.links.suspect),
        trace.links.expected,
        trace.trace_score * 100.0,
        trace.links.suspect
    );
    let mut kinds: Vec<&str> = trace
        .items
        .iter()
        .map(|t| t.item.id.kind.as_str())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    o.push_str("<div class=\"controls\"><input id=\"q\" type=\"search\" placeholder=\"Filter by id, title, path or defect\" size=\"40\">\n<select id=\"kind\"><option value=\"\">all types</option>");
    for k in &kinds {
        let _ = write!(o, "<option>{}</option>", esc(k));
    }
    o.push_str("</select>\n<select id=\"status\"><option value=\"\">all statuses</option><option value=\"covered\">covered</option><option value=\"defect\">with defects</option><option value=\"suspect\">suspect</option><option value=\"violated\">violated</option></select> <span id=\"shown\"></span></div>\n");
    o.push_str("<table id=\"matrix\"><thead><tr><th>Item</th><th>Type</th><th>Title</th><th>Status</th><th>Covers (upstream)</th><th>Covered by (downstream)</th><th>Defects</th><th>Verification</th><th>Where</th></tr></thead><tbody>\n");
    let link_ids = |v: &[crate::ItemId]| -> String {
        let mut s = String::new();
        for id in v {
            let _ = write!(
                s,
                "<li><a href=\"#{}\">{}</a></li>",
                anchor(id),
                esc(&id.to_string())
            );
        }
        if s.is_empty() {
            s
        } else {
            format!("<ul>{s}</ul>")
        }
    };
    for t in &trace.items {
        let it = &t.item;
        let suspect = t.defects.iter().any(|d| d.kind() == "suspect");
        let mut flags = vec![t.status];
        if suspect {
            flags.push("suspect");
        }
        if t.security == Some("violated") {
            flags.push("violated");
        }
        let href = match &base {
            Some(b) => format!("{b}/{}#L{}", href_path(&it.path), it.line),
            None => href_path(&it.path),
        };
        let mut verification = String::new();
        for v in [
            t.verification.map(|v| ("tests", v)),
            t.security.map(|v| ("scan", v)),
        ]
        .into_iter()
        .flatten()
        {
            let _ = write!(
                verification,
                "<span class=\"badge {}\">{}: {}</span> ",
                esc(v.1),
                v.0,
                esc(v.1)
            );
        }
        let defect_list: String = defects(t).iter().fold(String::new(), |mut s, d| {
            let _ = write!(s, "<li>{}</li>", esc(d));
            s
        });
        let _ = writeln!(
            o,
            "<tr id=\"{}\" data-kind=\"{}\" data-status=\"{}\"><td class=\"id\">{}</td><td>{}</td><td>{}</td><td><span class=\"badge {}\">{}</span>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">{}:{}</a></td></tr>",
            anchor(&it.id),
            esc(&it.id.kind),
            esc(&flags.join(" ")),
            esc(&it.id.to_string()),
            esc(&it.id.kind),
            esc(&it.title),
            t.status,
            t.status,
            if suspect {
                " <span class=\"badge suspect\">suspect</span>"
            } else {
                ""
            },
            link_ids(&it.covers),
            link_ids(&t.covered_by),
            if defect_list.is_empty() {
                String::new()
            } else {
                format!("<ul>{defect_list}</ul>")
            },
            verification,
            esc(&href),
            esc(&it.path),
            it.line
        );
    }
    o.push_str("</tbody></table>\n");
    for (name, svg) in diagrams {
        let _ = writeln!(
            o,
            "<h2>Data-flow diagram: {}</h2><div class=\"diagram\">{svg}</div>",
            esc(name)
        );
    }
    o.push_str(r"<script>
(function(){
  var q=document.getElementById('q'),k=document.getElementById('kind'),s=document.getElementById('status');
  var rows=Array.prototype.slice.call(document.querySelectorAll('#matrix tbody tr'));
  function apply(){
    var text=q.value.toLowerCase(),kind=k.value,st=s.value,n=0;
    rows.forEach(function(r){
      var ok=(!text||r.textContent.toLowerCase().indexOf(text)>=0)&&(!kind||r.dataset.kind===kind)&&(!st||r.dataset.status.split(' ').indexOf(st)>=0);
      r.style.display=ok?'':'none'; if(ok)n++;
    });
    document.getElementById('shown').textContent=n+' of '+rows.length+' items shown';
  }
  q.addEventListener('input',apply);k.addEventListener('change',apply);s.addEventListener('change',apply);apply();
})();
</script>
</body></html>
");
    o
}
