//! The debug server binary as the commands that test it from outside run it (`fuzz-api`,
//! `crash`): started with demo data on a free port, spoken to in plain HTTP/1.1, logged in with
//! the demo password.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    path::Path,
    process::{Child, Command, Stdio},
    time::Duration,
};

use crate::root;

/// The password of every demo login (README).
pub const DEMO_PASSWORD: &str = "vip-demo-2026";
pub const SESSION_COOKIE: &str = "__Host-vip_session";

/// `target/debug/vip-server` with demo data, stopped (SIGKILL) when dropped.
pub struct Server {
    child: Child,
    /// Kept open while the server runs, so it can go on printing.
    stdout: BufReader<std::process::ChildStdout>,
    /// `127.0.0.1:port`.
    pub addr: String,
}

impl Server {
    /// On a fresh database in `dir` (emptied first).
    pub fn start(dir: &Path) -> Result<Server, String> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        Server::start_on(dir)
    }

    /// On the database in `dir` as it is (made with demo data when missing); the server's log
    /// is added to `dir/server.log`.
    pub fn start_on(dir: &Path) -> Result<Server, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let log = std::fs::File::options()
            .create(true)
            .append(true)
            .open(dir.join("server.log"))
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut child = Command::new(root().join("target/debug/vip-server"))
            .args(["--demo", "--bind", "127.0.0.1:0", "--database"])
            .arg(dir.join("vip.sqlite"))
            .arg("--site")
            .arg(root().join("target/site"))
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("could not start target/debug/vip-server: {e}"))?;
        let stdout = child.stdout.take().ok_or("the server's output")?;
        let mut server = Server {
            child,
            stdout: BufReader::new(stdout),
            addr: String::new(),
        };
        // The first line names the address: "VIP route is listening on http://127.0.0.1:PORT/".
        let mut first = String::new();
        server
            .stdout
            .read_line(&mut first)
            .map_err(|e| format!("the server's output: {e}"))?;
        server.addr = first
            .split("http://")
            .nth(1)
            .map(|rest| rest.trim().trim_end_matches('/').to_owned())
            .ok_or_else(|| {
                format!(
                    "vip-server did not start (see {}): {first}",
                    dir.join("server.log").display()
                )
            })?;
        Ok(server)
    }

    /// The demo's TOTP secret, from the lines the server prints after its address.
    pub fn totp_secret(&mut self) -> Result<String, String> {
        let mut line = String::new();
        loop {
            line.clear();
            let read = self
                .stdout
                .read_line(&mut line)
                .map_err(|e| format!("the server's output: {e}"))?;
            if read == 0 {
                return Err("the server printed no TOTP secret".to_owned());
            }
            if let Some(rest) = line.split("TOTP secret ").nth(1) {
                return Ok(rest
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect());
            }
        }
    }

    /// Ends the process with SIGKILL, as a crash would (no shutdown, no flush), and reaps it.
    pub fn kill(mut self) -> Result<(), String> {
        self.child
            .kill()
            .and_then(|()| self.child.wait().map(|_| ()))
            .map_err(|e| format!("could not kill vip-server: {e}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Logs `email` in with the demo password; answers the session cookie's value and whether the
/// account must give a second factor before the session is signed in.
pub fn password_login(addr: &str, email: &str) -> Result<(String, bool), String> {
    let origin = format!("http://{addr}");
    let json = [
        ("Origin", origin.as_str()),
        ("Content-Type", "application/json"),
    ];
    let body = format!(r#"{{"email":"{email}","password":"{DEMO_PASSWORD}"}}"#);
    let (status, head, answer) = exchange(addr, "POST", "/api/v1/auth/login", &json, &body)?;
    if status != 200 {
        return Err(format!("login of {email} answered {status}"));
    }
    let cookie =
        session_cookie(&head).ok_or_else(|| format!("login of {email} set no session cookie"))?;
    let second_factor = String::from_utf8_lossy(&answer).contains("second_factor_required");
    Ok((cookie, second_factor))
}

/// `GET /auth/me` answers 200 with this session: it is signed in.
pub fn check_session(addr: &str, cookie: &str, email: &str) -> Result<(), String> {
    let with_cookie = format!("{SESSION_COOKIE}={cookie}");
    let headers = [("Cookie", with_cookie.as_str())];
    let (status, _, _) = exchange(addr, "GET", "/api/v1/auth/me", &headers, "")?;
    if status == 200 {
        Ok(())
    } else {
        Err(format!(
            "the session of {email} is not signed in: GET /auth/me answered {status}"
        ))
    }
}

/// The value of the session cookie a response sets.
pub fn session_cookie(head: &str) -> Option<String> {
    head.lines()
        .filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("set-cookie")
                .then_some(value.trim())
        })
        .find_map(|cookie| {
            cookie
                .strip_prefix(SESSION_COOKIE)?
                .strip_prefix('=')?
                .split(';')
                .next()
                .map(str::to_owned)
        })
}

/// The JSON string that starts right after the first `marker` in `json`.
pub fn string_after(json: &str, marker: &str) -> Option<String> {
    let rest = &json[json.find(marker)? + marker.len()..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// One HTTP/1.1 request to the local server: its status, header lines and body.
pub fn exchange(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<(u16, String, Vec<u8>), String> {
    let failed = |e: std::io::Error| format!("{method} {path}: {e}");
    let mut stream = TcpStream::connect(addr).map_err(failed)?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(failed)?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).map_err(failed)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(failed)?;
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("{method} {path}: no complete answer"))?;
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{method} {path}: no status"))?;
    let lower = head.to_ascii_lowercase();
    if lower.contains("transfer-encoding: chunked") {
        return Err(format!(
            "{method} {path}: a chunked answer was not expected"
        ));
    }
    let body = response[split + 4..].to_vec();
    let length = lower
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok());
    if length.is_some_and(|length| body.len() < length) {
        return Err(format!("{method} {path}: the answer broke off"));
    }
    Ok((status, head, body))
}
