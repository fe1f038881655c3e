//! A real Redis Sentinel setup for tests: a master, one replica and one
//! sentinel (`redis-server --sentinel`, quorum 1) on free 127.0.0.1 ports,
//! each in the scratch directory; the master can be killed so that the
//! sentinel promotes the replica. Everything is killed when dropped.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::redis_server::free_port;

/// The name the sentinel monitors the master under.
pub const MASTER_NAME: &str = "signpost-test";

/// A running master, replica and sentinel.
pub struct RedisSentinel {
    master: (u16, Option<Child>),
    replica: (u16, Option<Child>),
    sentinel: (u16, Option<Child>),
    /// The sentinel's own password and the master's (and replica's), when
    /// they ask for them.
    passwords: Option<Passwords>,
    _dir: PathBuf,
}

/// The passwords of a setup whose servers authenticate clients.
#[derive(Clone, Copy)]
pub struct Passwords {
    pub sentinel: &'static str,
    pub master: &'static str,
}

/// A connection to the server on `port`, with `password` when it asks for one.
fn connection(port: u16, password: Option<&str>) -> Option<redis::Connection> {
    let url = match password {
        Some(password) => format!("redis://:{password}@127.0.0.1:{port}"),
        None => format!("redis://127.0.0.1:{port}"),
    };
    let client = redis::Client::open(url).ok()?;
    let connection = client.get_connection_with_timeout(Duration::from_millis(300)).ok()?;
    connection.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    Some(connection)
}

fn spawn(args: &[String]) -> Child {
    Command::new("redis-server")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("redis-server starts (scripts/test installs it)")
}

impl RedisSentinel {
    /// Starts the three and waits until the replica is in sync and the
    /// sentinel sees both.
    pub async fn start() -> RedisSentinel {
        Self::start_with(None).await
    }

    /// As [`RedisSentinel::start`], the sentinel asking for one password and
    /// the master and replica for another.
    pub async fn start_with_passwords(passwords: Passwords) -> RedisSentinel {
        Self::start_with(Some(passwords)).await
    }

    async fn start_with(passwords: Option<Passwords>) -> RedisSentinel {
        let dir = crate::helpers::scratch_dir("redis-sentinel");
        let (m, r, s) = (free_port(), free_port(), free_port());
        let common = |port: u16, name: &str| {
            let node_dir = dir.join(name);
            std::fs::create_dir_all(&node_dir).unwrap();
            vec![
                "--port".to_owned(),
                port.to_string(),
                "--bind".into(),
                "127.0.0.1".into(),
                "--save".into(),
                String::new(),
                "--appendonly".into(),
                "no".into(),
                "--dir".into(),
                node_dir.to_string_lossy().into_owned(),
            ]
        };
        let data_auth: Vec<String> = match passwords {
            Some(p) => vec!["--requirepass".into(), p.master.into(), "--masterauth".into(), p.master.into()],
            None => Vec::new(),
        };
        let mut master_args = common(m, "master");
        master_args.extend(data_auth.iter().cloned());
        let master = spawn(&master_args);
        let mut replica_args = common(r, "replica");
        replica_args.extend(data_auth.iter().cloned());
        replica_args.extend(["--replicaof".into(), "127.0.0.1".into(), m.to_string()]);
        let replica = spawn(&replica_args);
        // The sentinel rewrites its configuration file, so it gets its own.
        let conf = dir.join("sentinel.conf");
        let mut sentinel_conf = format!(
            "port {s}\nbind 127.0.0.1\ndir {}\nsentinel monitor {MASTER_NAME} 127.0.0.1 {m} 1\n\
             sentinel down-after-milliseconds {MASTER_NAME} 500\nsentinel failover-timeout {MASTER_NAME} 5000\n",
            dir.display()
        );
        if let Some(p) = passwords {
            sentinel_conf += &format!("requirepass {}\nsentinel auth-pass {MASTER_NAME} {}\n", p.sentinel, p.master);
        }
        std::fs::write(&conf, sentinel_conf).unwrap();
        let sentinel = spawn(&[conf.to_string_lossy().into_owned(), "--sentinel".into()]);
        let setup = RedisSentinel {
            master: (m, Some(master)),
            replica: (r, Some(replica)),
            sentinel: (s, Some(sentinel)),
            passwords,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let synced = setup
                .data_connection(r)
                .and_then(|mut c| redis::cmd("INFO").arg("replication").query::<String>(&mut c).ok())
                .is_some_and(|info| info.contains("master_link_status:up"));
            let seen = setup
                .sentinel_connection()
                .and_then(|mut c| {
                    redis::cmd("SENTINEL").arg("REPLICAS").arg(MASTER_NAME).query::<redis::Value>(&mut c).ok()
                })
                .is_some_and(|v| matches!(v, redis::Value::Array(items) if !items.is_empty()));
            if synced && seen {
                return setup;
            }
            assert!(Instant::now() < deadline, "the replica did not sync or the sentinel did not see it in 20 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The sentinel's URL: what signpost is given (with the sentinel's
    /// password, when it has one).
    pub fn sentinel_url(&self) -> String {
        match self.passwords {
            Some(p) => format!("redis://:{}@127.0.0.1:{}", p.sentinel, self.sentinel.0),
            None => format!("redis://127.0.0.1:{}", self.sentinel.0),
        }
    }

    fn sentinel_connection(&self) -> Option<redis::Connection> {
        connection(self.sentinel.0, self.passwords.map(|p| p.sentinel))
    }

    fn data_connection(&self, port: u16) -> Option<redis::Connection> {
        connection(port, self.passwords.map(|p| p.master))
    }

    /// The port of the master as the sentinel names it now.
    pub fn current_master(&self) -> Option<u16> {
        let mut c = self.sentinel_connection()?;
        let (_, port): (String, u16) =
            redis::cmd("SENTINEL").arg("GET-MASTER-ADDR-BY-NAME").arg(MASTER_NAME).query(&mut c).ok()?;
        Some(port)
    }

    /// The first master's port.
    pub fn first_master(&self) -> u16 {
        self.master.0
    }

    /// The replica's port.
    pub fn replica(&self) -> u16 {
        self.replica.0
    }

    /// Kills the master (SIGKILL) and waits until the sentinel has promoted
    /// the replica and it answers as a master.
    pub async fn fail_over(&mut self) {
        if let Some(mut child) = self.master.1.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let promoted = self.current_master() == Some(self.replica.0)
                && self
                    .data_connection(self.replica.0)
                    .and_then(|mut c| redis::cmd("INFO").arg("replication").query::<String>(&mut c).ok())
                    .is_some_and(|info| info.contains("role:master"));
            if promoted {
                return;
            }
            assert!(Instant::now() < deadline, "the sentinel did not promote the replica in 30 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The names of every key on the server at `port`.
    pub fn keys(&self, port: u16) -> Vec<String> {
        let mut c = self.data_connection(port).expect("the server answers");
        redis::cmd("KEYS").arg("*").query(&mut c).unwrap()
    }
}

impl Drop for RedisSentinel {
    fn drop(&mut self) {
        for (_, child) in [&mut self.master, &mut self.replica, &mut self.sentinel] {
            if let Some(mut child) = child.take() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}
