//! A real `redis-server` for tests: started on a free 127.0.0.1 port in its
//! own scratch directory, stopped and restarted on the same port, and killed
//! (its directory removed) when dropped.
//!
//! redis-server is installed by `scripts/test`; without it the tests that
//! need it are skipped (see `needs`).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const REDIS_SERVER: &str = "redis-server";

/// A running `redis-server`.
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: PathBuf,
    /// Serving TLS only, with a certificate of its own test CA (`ca.crt`
    /// in its directory) for 127.0.0.1.
    tls: bool,
    /// A TLS server that asks every client for a certificate of its CA
    /// (`tls-auth-clients yes`).
    client_auth: bool,
}

/// One key as found by [`RedisServer::dump`]: its name, type, TTL in
/// seconds (-1 without one) and every byte string it holds.
#[derive(Debug)]
pub struct DumpedKey {
    /// The key's name.
    pub name: String,
    /// `string`, `hash`, `set`, ...
    pub kind: String,
    /// Seconds to live; -1 when the key never expires.
    pub ttl: i64,
    /// Every value (hash fields and values, set members, the string's raw bytes).
    pub values: Vec<Vec<u8>>,
}

/// A free port on 127.0.0.1 (as the kernel gives it now).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl RedisServer {
    /// Starts a server and waits until it answers PING.
    pub async fn start() -> RedisServer {
        let dir = crate::helpers::scratch_dir("redis");
        let mut server = RedisServer { child: None, port: free_port(), dir, tls: false, client_auth: false };
        server.spawn().await;
        server
    }

    /// Starts a server that speaks TLS only (no plain port), its
    /// certificate signed by a CA made for it with `openssl`; waits until it
    /// answers PING over TLS.
    pub async fn start_tls() -> RedisServer {
        RedisServer::start_tls_with(false).await
    }

    /// As [`RedisServer::start_tls`], and it refuses clients without a
    /// certificate of its CA (mutual TLS; `client.crt` and `client.key`
    /// in its directory are one).
    pub async fn start_mutual_tls() -> RedisServer {
        RedisServer::start_tls_with(true).await
    }

    async fn start_tls_with(client_auth: bool) -> RedisServer {
        let dir = crate::helpers::scratch_dir("redis-tls");
        make_certificates(&dir);
        let mut server = RedisServer { child: None, port: free_port(), dir, tls: true, client_auth };
        server.spawn().await;
        server
    }

    /// The client certificate and its key (PEM files) a mutual-TLS server accepts.
    pub fn client_identity_files(&self) -> (PathBuf, PathBuf) {
        (self.dir.join("client.crt"), self.dir.join("client.key"))
    }

    /// `redis://127.0.0.1:PORT`, or `rediss://` for a TLS server.
    pub fn url(&self) -> String {
        format!("{}://127.0.0.1:{}", if self.tls { "rediss" } else { "redis" }, self.port)
    }

    /// The CA certificate (PEM) of a TLS server.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("ca.crt")
    }

    fn client(&self) -> redis::Client {
        if self.tls {
            let root_cert = Some(std::fs::read(self.ca_file()).unwrap());
            let client_tls = self.client_auth.then(|| {
                let (cert, key) = self.client_identity_files();
                redis::ClientTlsConfig {
                    client_cert: std::fs::read(cert).unwrap(),
                    client_key: std::fs::read(key).unwrap(),
                }
            });
            redis::Client::build_with_tls(self.url(), redis::TlsCertificates { client_tls, root_cert }).unwrap()
        } else {
            redis::Client::open(self.url()).unwrap()
        }
    }

    /// A connection to the server (over TLS for a TLS server).
    pub fn connection(&self) -> redis::Connection {
        let client = self.client();
        let connection = client.get_connection_with_timeout(Duration::from_secs(2)).expect("redis answers");
        connection.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        connection
    }

    async fn spawn(&mut self) {
        let mut command = Command::new(REDIS_SERVER);
        if self.tls {
            let file = |name: &str| self.dir.join(name).to_string_lossy().into_owned();
            let auth_clients = if self.client_auth { "yes" } else { "no" };
            command.args(["--port", "0", "--tls-port", &self.port.to_string(), "--tls-auth-clients", auth_clients]);
            command.args(["--tls-cert-file", &file("server.crt"), "--tls-key-file", &file("server.key")]);
            command.args(["--tls-ca-cert-file", &file("ca.crt")]);
        } else {
            command.args(["--port", &self.port.to_string()]);
        }
        let child = command
            .args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(&self.dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {REDIS_SERVER} ({e}): run scripts/test, which installs redis-server")
            });
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if self.ping() {
                return;
            }
            if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
                panic!("redis-server exited at start ({status}); is port {} taken?", self.port);
            }
            assert!(Instant::now() < deadline, "redis-server on port {} did not answer PING in 10 s", self.port);
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stops the server at once: every client connection drops and nothing
    /// answers on the port until [`RedisServer::restart`]. What it had
    /// acknowledged is kept (`SHUTDOWN SAVE` into its directory), as a
    /// production Redis with persistence would keep it.
    pub async fn kill(&mut self) {
        let Some(mut child) = self.child.take() else { return };
        if let Ok(mut connection) = self.client().get_connection() {
            let _: redis::RedisResult<()> = redis::cmd("SHUTDOWN").arg("SAVE").query(&mut connection);
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while child.try_wait().ok().flatten().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(!self.ping(), "redis-server still answers after kill");
    }

    /// Freezes the server (SIGSTOP): connections stay open but nothing
    /// answers, as with a Redis stalled by a slow disk, until [`RedisServer::resume`].
    pub fn pause(&self) {
        self.signal("-STOP");
    }

    /// Lets a paused server answer again (SIGCONT).
    pub fn resume(&self) {
        self.signal("-CONT");
    }

    fn signal(&self, signal: &str) {
        let child = self.child.as_ref().expect("the server runs");
        let status = std::process::Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
        assert!(status.success(), "kill {signal}");
    }

    /// Starts the server again on the same port and directory (it reloads
    /// what it saved) and waits until it answers PING.
    pub async fn restart(&mut self) {
        assert!(self.child.is_none(), "kill() the server before restarting it");
        self.spawn().await;
    }

    /// Every key (found with SCAN) with its type, TTL and contents.
    pub fn dump(&self) -> Vec<DumpedKey> {
        let mut connection = self.connection();
        let mut names: Vec<String> = Vec::new();
        let mut cursor = 0u64;
        loop {
            let (next, batch): (u64, Vec<String>) =
                redis::cmd("SCAN").arg(cursor).arg("COUNT").arg(1000).query(&mut connection).unwrap();
            names.extend(batch);
            if next == 0 {
                break;
            }
            cursor = next;
        }
        names.sort();
        names.dedup();
        names
            .into_iter()
            .map(|name| {
                let kind: String = redis::cmd("TYPE").arg(&name).query(&mut connection).unwrap();
                let ttl: i64 = redis::cmd("TTL").arg(&name).query(&mut connection).unwrap();
                let mut command = match kind.as_str() {
                    "string" => redis::cmd("GET"),
                    "hash" => redis::cmd("HGETALL"),
                    "set" => redis::cmd("SMEMBERS"),
                    "list" => redis::cmd("LRANGE"),
                    "zset" => redis::cmd("ZRANGE"),
                    other => panic!("key {name} has a type the dump does not read: {other}"),
                };
                command.arg(&name);
                match kind.as_str() {
                    "list" => command.arg(0).arg(-1),
                    "zset" => command.arg(0).arg(-1).arg("WITHSCORES"),
                    _ => &mut command,
                };
                // GET of a HyperLogLog (a string) returns its raw bytes.
                let values: Vec<Vec<u8>> = if kind == "string" {
                    vec![command.query(&mut connection).unwrap()]
                } else {
                    command.query(&mut connection).unwrap()
                };
                DumpedKey { name, kind, ttl, values }
            })
            .collect()
    }
}

impl RedisServer {
    fn ping(&self) -> bool {
        ping_with(&self.client())
    }
}

/// A test CA, a server certificate for 127.0.0.1 and a client certificate
/// signed by it, in `dir` (`ca.crt`, `server.crt`, `server.key`,
/// `client.crt`, `client.key`), made with `openssl`.
pub fn make_certificates(dir: &std::path::Path) {
    let openssl = |args: &[&str]| {
        let output = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run openssl ({e}): run scripts/test, which installs it"));
        assert!(output.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    };
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    openssl(
        &[
            &["req", "-x509"],
            &ec[..],
            &["-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=signpost test CA"],
            &["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        ]
        .concat(),
    );
    let sign = |name: &str, subject: &str, extensions: &str| {
        let (key, csr, crt, ext) =
            (format!("{name}.key"), format!("{name}.csr"), format!("{name}.crt"), format!("{name}.ext"));
        openssl(&[&["req"], &ec[..], &["-keyout", &key, "-out", &csr, "-subj", subject]].concat());
        std::fs::write(dir.join(&ext), extensions).unwrap();
        openssl(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &crt,
            "-days",
            "2",
            "-extfile",
            &ext,
        ]);
    };
    sign("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    sign("client", "/CN=signpost test client", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
}

fn ping_with(client: &redis::Client) -> bool {
    let Ok(mut connection) = client.get_connection_with_timeout(Duration::from_millis(200)) else { return false };
    let _ = connection.set_read_timeout(Some(Duration::from_millis(500)));
    redis::cmd("PING").query::<String>(&mut connection).is_ok_and(|pong| pong == "PONG")
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
