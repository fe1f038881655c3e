//! A real Redis Sentinel setup for tests: a master, one replica and one
//! sentinel (`redis-server --sentinel`, quorum 1) on free 127.0.0.1 ports,
//! each in the scratch directory; the master can be killed so that the
//! sentinel promotes the replica. Everything is killed when dropped.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::redis_cluster::connection;
use crate::redis_server::free_port;

/// The name the sentinel monitors the master under.
pub const MASTER_NAME: &str = "signpost-test";

/// A running master, replica and sentinel.
pub struct RedisSentinel {
    master: (u16, Option<Child>),
    replica: (u16, Option<Child>),
    sentinel: (u16, Option<Child>),
    _dir: PathBuf,
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
        let master = spawn(&common(m, "master"));
        let mut replica_args = common(r, "replica");
        replica_args.extend(["--replicaof".into(), "127.0.0.1".into(), m.to_string()]);
        let replica = spawn(&replica_args);
        // The sentinel rewrites its configuration file, so it gets its own.
        let conf = dir.join("sentinel.conf");
        std::fs::write(
            &conf,
            format!(
                "port {s}\nbind 127.0.0.1\ndir {}\nsentinel monitor {MASTER_NAME} 127.0.0.1 {m} 1\n\
                 sentinel down-after-milliseconds {MASTER_NAME} 500\nsentinel failover-timeout {MASTER_NAME} 5000\n",
                dir.display()
            ),
        )
        .unwrap();
        let sentinel = spawn(&[conf.to_string_lossy().into_owned(), "--sentinel".into()]);
        let setup = RedisSentinel {
            master: (m, Some(master)),
            replica: (r, Some(replica)),
            sentinel: (s, Some(sentinel)),
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let synced = connection(r)
                .and_then(|mut c| redis::cmd("INFO").arg("replication").query::<String>(&mut c).ok())
                .is_some_and(|info| info.contains("master_link_status:up"));
            let seen = connection(s)
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

    /// The sentinel's URL: what signpost is given.
    pub fn sentinel_url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.sentinel.0)
    }

    /// The port of the master as the sentinel names it now.
    pub fn current_master(&self) -> Option<u16> {
        let mut c = connection(self.sentinel.0)?;
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
                && connection(self.replica.0)
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
        let mut c = connection(port).expect("the server answers");
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
