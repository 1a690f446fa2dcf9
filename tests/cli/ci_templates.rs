//! Issue 8 item 7: the GitHub Action and the GitLab CI template run palisade, and the
//! GitLab report formats carry what GitLab requires.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::{demo_dir, palisade, schema_errors, stderr, stdout, workspace_root};

fn policy_eval(file: &Path) -> serde_json::Value {
    let out = palisade(
        &["policy", "eval", file.to_str().unwrap()],
        &workspace_root(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()[0]["input"].clone()
}

fn sample_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "Dockerfile",
        "deploy/k8s/deployment.yaml",
        "api/requirements.txt",
        "api/settings.py",
        "palisade.toml",
        "advisories",
    ] {
        let from = demo_dir().join(rel);
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        if from.is_dir() {
            std::fs::create_dir_all(&to).unwrap();
            for e in std::fs::read_dir(&from).unwrap() {
                let e = e.unwrap();
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        } else {
            std::fs::copy(&from, &to).unwrap();
        }
    }
    dir
}

#[test]
fn issue8_github_action_inputs_reach_the_script_through_the_environment_only() {
    let action = policy_eval(&workspace_root().join("action.yml"));
    let inputs: Vec<String> = action["inputs"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    for want in [
        "path",
        "scanners",
        "fail-on",
        "policy",
        "sarif-file",
        "upload-sarif",
        "token",
    ] {
        assert!(
            inputs.contains(&want.to_owned()),
            "input {want} missing: {inputs:?}"
        );
    }
    let steps = action["runs"]["steps"].as_array().unwrap();
    let text = serde_json::to_string(steps).unwrap();
    for i in &inputs {
        assert!(
            text.contains(&format!("inputs.{i}")),
            "input {i} is never used"
        );
    }
    for s in steps {
        let run = s["run"].as_str().unwrap_or_default();
        assert!(
            !run.contains("${{"),
            "an expression is pasted into a script: {run}"
        );
    }
    // palisade's own pipeline checks pass on the action and the template.
    let out = palisade(
        &[
            "scan",
            "action.yml",
            "ci",
            "--scanners",
            "pipeline,iac",
            "--fail-on",
            "info",
            "--isolated",
        ],
        &workspace_root(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// A one-request HTTP server standing in for the GitHub API: returns the request.
fn capture_one_request(listener: TcpListener) -> std::thread::JoinHandle<(String, String)> {
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = String::new();
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap();
            }
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push_str(&line);
        }
        let mut body = vec![0; len];
        reader.read_exact(&mut body).unwrap();
        let mut stream = stream;
        stream
            .write_all(b"HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            .unwrap();
        (head, String::from_utf8(body).unwrap())
    })
}

#[test]
fn issue8_github_action_script_scans_uploads_and_applies_the_gate() {
    let repo = sample_repo();
    let script = workspace_root().join("ci/github-action.sh");
    let output = repo.path().join("gh-output");
    let run = |step: &str, envs: &[(&str, &str)]| {
        Command::new("bash")
            .arg(&script)
            .arg(step)
            .current_dir(repo.path())
            .env("PALISADE_BIN", env!("CARGO_BIN_EXE_palisade"))
            .env(
                "PALISADE_DB",
                "/nonexistent/palisade-tests/advisories.sqlite",
            )
            .env("GITHUB_OUTPUT", &output)
            .env("NO_COLOR", "1")
            .envs(envs.iter().copied())
            .output()
            .unwrap()
    };
    let out = run(
        "scan",
        &[
            ("PALISADE_PATHS", "."),
            ("PALISADE_FAIL_ON", "high"),
            ("PALISADE_SARIF", "out.sarif"),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a failed gate is applied after the upload: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&output).unwrap().trim(),
        "exit-code=1"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo.path().join("out.sarif")).unwrap()).unwrap();
    if let Some(shared) = crate::shared_data() {
        let errors = schema_errors(
            &shared.join("schemas/sarif-2.1.0/sarif-schema-2.1.0.json"),
            jsonschema::Draft::Draft4,
            &sarif,
        );
        assert!(errors.is_empty(), "{errors:#?}");
    }

    // The upload posts gzip+base64 SARIF with the commit and ref; the token is a header.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let api = format!("http://{}", listener.local_addr().unwrap());
    let server = capture_one_request(listener);
    let out = run(
        "upload",
        &[
            ("PALISADE_SARIF", "out.sarif"),
            ("GITHUB_TOKEN", "test-token-not-real"),
            ("GITHUB_REPOSITORY", "acme/widgets"),
            ("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"),
            ("GITHUB_REF", "refs/heads/main"),
            ("GITHUB_API_URL", &api),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("test-token-not-real"));
    let (head, body) = server.join().unwrap();
    assert!(
        head.starts_with("POST /repos/acme/widgets/code-scanning/sarifs "),
        "{head}"
    );
    assert!(
        head.contains("Authorization: Bearer test-token-not-real"),
        "{head}"
    );
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["commit_sha"], "0123456789abcdef0123456789abcdef01234567");
    assert_eq!(v["ref"], "refs/heads/main");
    let gz = Command::new("bash")
        .arg("-c")
        .arg("base64 -d | gunzip")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    gz.stdin
        .as_ref()
        .unwrap()
        .write_all(v["sarif"].as_str().unwrap().as_bytes())
        .unwrap();
    let decoded = gz.wait_with_output().unwrap();
    let roundtrip: serde_json::Value = serde_json::from_slice(&decoded.stdout).unwrap();
    assert_eq!(roundtrip, sarif);

    // The gate step fails the job with the scan's code.
    assert_eq!(
        run("gate", &[("PALISADE_EXIT", "1")]).status.code(),
        Some(1)
    );
    assert_eq!(
        run("gate", &[("PALISADE_EXIT", "0")]).status.code(),
        Some(0)
    );
    // A usage error stops at the scan step.
    let out = run(
        "scan",
        &[("PALISADE_PATHS", "."), ("PALISADE_FAIL_ON", "nonsense")],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn issue8_gitlab_template_job_writes_the_three_gitlab_reports() {
    let template = policy_eval(&workspace_root().join("ci/palisade.gitlab-ci.yml"));
    let job = &template["palisade"];
    let reports = &job["artifacts"]["reports"];
    assert_eq!(
        reports["secret_detection"],
        "gl-secret-detection-report.json"
    );
    assert_eq!(reports["sast"], "gl-sast-report.json");
    assert_eq!(
        reports["dependency_scanning"],
        "gl-dependency-scanning-report.json"
    );
    // Run the job's scan script (not the install lines) on a sample repository, with the
    // template's variables, palisade on PATH.
    let scan = job["script"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .as_str()
        .unwrap();
    let repo = sample_repo();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_palisade"))
        .parent()
        .unwrap()
        .to_owned();
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(scan).current_dir(repo.path());
    for (k, v) in template["variables"].as_object().unwrap() {
        cmd.env(k, v.as_str().unwrap());
    }
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = cmd
        .env("PATH", path)
        .env(
            "PALISADE_DB",
            "/nonexistent/palisade-tests/advisories.sqlite",
        )
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the demo fails the gate: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(repo.path().join(name)).unwrap()).unwrap()
    };
    let data = workspace_root().join("crates/palisade-report/tests/data");
    for (file, schema, kind) in [
        (
            "gl-secret-detection-report.json",
            "gitlab-secret-detection.schema.json",
            "secret_detection",
        ),
        ("gl-sast-report.json", "gitlab-sast.schema.json", "sast"),
        (
            "gl-dependency-scanning-report.json",
            "gitlab-dependency-scanning.schema.json",
            "dependency_scanning",
        ),
    ] {
        let doc = read(file);
        let errors = schema_errors(&data.join(schema), jsonschema::Draft::Draft7, &doc);
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        assert_eq!(doc["scan"]["type"], kind);
        assert!(
            !doc["vulnerabilities"].as_array().unwrap().is_empty(),
            "{file} lists the demo's problems"
        );
    }
    let sast = read("gl-sast-report.json");
    let v = sast["vulnerabilities"].as_array().unwrap();
    assert!(
        v.iter()
            .any(|x| x["location"]["file"] == "Dockerfile" && x["location"]["start_line"] == 15)
    );
    assert!(v.iter().all(|x| x["location"].get("commit").is_none()));
    let ds = read("gl-dependency-scanning-report.json");
    let first = &ds["vulnerabilities"][0];
    assert_eq!(first["location"]["file"], "api/requirements.txt");
    assert!(first["location"]["dependency"]["package"]["name"].is_string());
    assert!(
        first["identifiers"][0]["value"]
            .as_str()
            .unwrap()
            .starts_with("CVE-"),
        "{}",
        first["identifiers"]
    );
    // A secret value never reaches a GitLab report.
    for file in [
        "gl-secret-detection-report.json",
        "gl-sast-report.json",
        "gl-dependency-scanning-report.json",
    ] {
        let text = std::fs::read_to_string(repo.path().join(file)).unwrap();
        assert!(
            !text.contains("Vg7^pR4qLz9mW2sTn8Kd"),
            "{file} leaks the Dockerfile's ENV secret"
        );
    }
}
