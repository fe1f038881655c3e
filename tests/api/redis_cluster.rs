//! A real Redis Cluster for tests: six `redis-server` processes with
//! `--cluster-enabled yes` on free 127.0.0.1 ports (3 masters, 3 replicas),
//! joined with `redis-cli --cluster create`, each in its own scratch
//! directory; a master can be killed to force a failover. Everything is
//! killed and removed when dropped.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a node may be unreachable before its replica takes over.
const NODE_TIMEOUT_MS: u64 = 1000;

/// A running cluster.
pub struct RedisCluster {
    nodes: Vec<(u16, Option<Child>)>,
    dir: PathBuf,
    /// Each node's TLS port, when the cluster also speaks TLS (`--tls-cluster
    /// yes`: its bus and replication too). The plain ports stay for the
    /// helper's own commands; a node names the ports of the connection's
    /// kind in `CLUSTER NODES`, so TLS clients are sent to TLS ports.
    tls_ports: Vec<u16>,
}

/// A port whose cluster bus port (port + 10000) is free too. Both lie below
/// Linux's ephemeral range (32768 and up), where outgoing connections would
/// otherwise take bus ports between the check and the node's start.
fn free_port() -> u16 {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    loop {
        let offset = (NEXT.fetch_add(1, Ordering::Relaxed) + std::process::id() as usize * 7) % 12000;
        let port = 10000 + offset as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() && TcpListener::bind(("127.0.0.1", port + 10000)).is_ok() {
            return port;
        }
    }
}

/// A plain connection to the server on `port`, if it answers within 300 ms.
pub fn connection(port: u16) -> Option<redis::Connection> {
    let client = redis::Client::open(format!("redis://127.0.0.1:{port}")).ok()?;
    let connection = client.get_connection_with_timeout(Duration::from_millis(300)).ok()?;
    connection.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    Some(connection)
}

fn cluster_info(port: u16) -> String {
    connection(port)
        .and_then(|mut c| redis::cmd("CLUSTER").arg("INFO").query::<String>(&mut c).ok())
        .unwrap_or_default()
}

impl RedisCluster {
    /// Starts six nodes, makes them one cluster and waits until every node
    /// says `cluster_state:ok`.
    pub async fn start() -> RedisCluster {
        RedisCluster::start_with(false).await
    }

    /// As [`RedisCluster::start`], the nodes speaking TLS too, with
    /// certificates of a test CA (see [`RedisCluster::ca_file`]).
    pub async fn start_tls() -> RedisCluster {
        RedisCluster::start_with(true).await
    }

    async fn start_with(tls: bool) -> RedisCluster {
        let dir = crate::helpers::scratch_dir("redis-cluster");
        if tls {
            crate::redis_server::make_certificates(&dir);
        }
        let mut nodes = Vec::new();
        let mut tls_ports = Vec::new();
        for _ in 0..6 {
            let port = free_port();
            let node_dir = dir.join(port.to_string());
            std::fs::create_dir_all(&node_dir).unwrap();
            let mut command = Command::new("redis-server");
            if tls {
                let tls_port = free_port();
                tls_ports.push(tls_port);
                let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
                command.args(["--tls-port", &tls_port.to_string(), "--tls-auth-clients", "no"]);
                command.args(["--tls-cluster", "yes", "--tls-replication", "yes"]);
                command.args(["--tls-cert-file", &file("server.crt"), "--tls-key-file", &file("server.key")]);
                command.args(["--tls-ca-cert-file", &file("ca.crt")]);
            }
            let child = command
                .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
                .args(["--cluster-enabled", "yes", "--cluster-node-timeout", &NODE_TIMEOUT_MS.to_string()])
                .args(["--cluster-config-file", "nodes.conf"])
                // A replica may take over however long its link was down (it
                // was just created): the writes it must have are the ones the
                // service waited for with WAIT.
                .args(["--cluster-replica-validity-factor", "0"])
                .arg("--dir")
                .arg(&node_dir)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server starts (scripts/test installs it)");
            nodes.push((port, Some(child)));
        }
        let cluster = RedisCluster { nodes, dir, tls_ports };
        let deadline = Instant::now() + Duration::from_secs(10);
        for (port, _) in &cluster.nodes {
            while connection(*port).is_none() {
                assert!(Instant::now() < deadline, "node {port} did not start");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        let addresses: Vec<String> = cluster.nodes.iter().map(|(port, _)| format!("127.0.0.1:{port}")).collect();
        let created = Command::new("redis-cli")
            .args(["--cluster", "create"])
            .args(&addresses)
            .args(["--cluster-replicas", "1", "--cluster-yes"])
            .stdin(Stdio::null())
            .output()
            .expect("redis-cli runs (it comes with redis-server)");
        assert!(created.status.success(), "cluster create: {}", String::from_utf8_lossy(&created.stdout));
        cluster.wait_until_ok(Duration::from_secs(20)).await;
        cluster.wait_for_replication(Duration::from_secs(20)).await;
        cluster
    }

    /// Waits until every replica's link to its master is up.
    async fn wait_for_replication(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        for (port, _) in &self.nodes {
            loop {
                let info = connection(*port)
                    .and_then(|mut c| redis::cmd("INFO").arg("replication").query::<String>(&mut c).ok())
                    .unwrap_or_default();
                if info.contains("role:master") || info.contains("master_link_status:up") {
                    break;
                }
                assert!(Instant::now() < deadline, "the replica on {port} did not sync in {limit:?}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }

    /// `redis://127.0.0.1:PORT` of node `index` (0..6; any one node will
    /// do), or its `rediss://` TLS port in a TLS cluster.
    pub fn node_url(&self, index: usize) -> String {
        match self.tls_ports.get(index) {
            Some(tls_port) => format!("rediss://127.0.0.1:{tls_port}"),
            None => format!("redis://127.0.0.1:{}", self.nodes[index].0),
        }
    }

    /// The CA certificate (PEM) of a TLS cluster's nodes.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("ca.crt")
    }

    /// The port of node `index`.
    pub fn port(&self, index: usize) -> u16 {
        self.nodes[index].0
    }

    /// The port of the master serving `key`'s slot.
    pub fn master_of(&self, key: &str) -> u16 {
        self.try_master_of(key).expect("a live master serves the key's slot")
    }

    /// The port of the live master serving `key`'s slot, as a running node
    /// sees it; `None` while no live master does.
    fn try_master_of(&self, key: &str) -> Option<u16> {
        let live = self.nodes.iter().find(|(_, child)| child.is_some())?.0;
        let mut c = connection(live)?;
        let slot: u16 = redis::cmd("CLUSTER").arg("KEYSLOT").arg(key).query(&mut c).ok()?;
        let nodes: String = redis::cmd("CLUSTER").arg("NODES").query(&mut c).ok()?;
        for line in nodes.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if !fields[2].contains("master") || fields[2].contains("fail") {
                continue;
            }
            for range in &fields[8..] {
                let (from, to) = range.split_once('-').unwrap_or((range, range));
                if let (Ok(from), Ok(to)) = (from.parse::<u16>(), to.parse::<u16>()) {
                    if (from..=to).contains(&slot) {
                        return fields[1].split(['@', ':']).nth(1)?.parse().ok();
                    }
                }
            }
        }
        None
    }

    /// Waits until a replica has taken over `key`'s slot from the killed
    /// master on `victim`, and every running node says `cluster_state:ok`.
    pub async fn wait_for_failover(&self, key: &str, victim: u16, limit: Duration) {
        let deadline = Instant::now() + limit;
        while self.try_master_of(key).is_none_or(|master| master == victim) {
            assert!(Instant::now() < deadline, "no replica took over from {victim} in {limit:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.wait_until_ok(deadline.saturating_duration_since(Instant::now())).await;
    }

    /// Kills the node on `port` at once (SIGKILL: nothing saved, nothing
    /// handed over), as a crashed machine would go.
    pub fn kill(&mut self, port: u16) {
        let (_, child) = self.nodes.iter_mut().find(|(p, _)| *p == port).expect("a node of the cluster");
        if let Some(mut child) = child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Waits until every running node says `cluster_state:ok` (after a
    /// failover: a replica has taken the dead master's slots).
    pub async fn wait_until_ok(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            let ok = self
                .nodes
                .iter()
                .filter(|(_, child)| child.is_some())
                .all(|(port, _)| cluster_info(*port).contains("cluster_state:ok"));
            if ok {
                return;
            }
            assert!(Instant::now() < deadline, "the cluster did not reach cluster_state:ok in {limit:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for RedisCluster {
    fn drop(&mut self) {
        for (_, child) in &mut self.nodes {
            if let Some(mut child) = child.take() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
