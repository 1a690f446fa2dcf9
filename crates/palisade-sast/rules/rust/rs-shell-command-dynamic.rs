use std::process::Command;

pub fn archive(dir: &str, name: &str) -> std::io::Result<()> {
    let script = format!("tar czf /backups/{}.tgz {}", name, dir);
    // ruleid: rs-shell-command-dynamic
    let status = Command::new("sh").arg("-c").arg(&script).status()?;
    println!("{}", status);
    Ok(())
}

pub async fn ping(host: String) -> std::io::Result<std::process::Output> {
    // ruleid: rs-shell-command-dynamic
    tokio::process::Command::new("bash").args(["-c", &format!("ping -c 1 {}", host)]).output().await
}

pub fn archive_safe(dir: &str, name: &str) -> std::io::Result<()> {
    // ok: rs-shell-command-dynamic
    let status = Command::new("tar").arg("czf").arg(format!("/backups/{}.tgz", name)).arg(dir).status()?;
    println!("{}", status);
    Ok(())
}

pub fn uptime() -> std::io::Result<std::process::Output> {
    // ok: rs-shell-command-dynamic
    Command::new("sh").arg("-c").arg("uptime | cut -d, -f1").output()
}
