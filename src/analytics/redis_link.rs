//! One connection to Redis, whatever its shape: a single server, or a Redis
//! Cluster found from any one of its nodes.
//!
//! [`Link::open`] asks the node it is given (`INFO cluster`); a cluster
//! node's `CLUSTER NODES` then names every node, and the cluster client
//! routes each key to its slot's master, following `MOVED` and `ASK`. The
//! nodes seen are kept as seeds, so a reconnect after the given node has
//! died finds the cluster through the others. Writes to a cluster whose
//! masters all have replicas are acknowledged only once a replica holds
//! them (`WAIT`), so a failover cannot lose a write that was reported done.
//!
//! A Redis Sentinel given as the URL (`redis_mode:sentinel`) is asked for
//! the master it monitors (`redis_sentinel_master` names it when it
//! monitors several); its fellow sentinels are kept as seeds, and every
//! reconnect asks again, so a failover moves the link to the new master.
//! The URL's credentials are the sentinel's; a master with a password of
//! its own gets `redis_master_password`.
//!
//! `rediss://` URLs connect over TLS (rustls), to a single server and to
//! every node of a cluster, trusting the system's certificates or, when
//! given, the operator's own CA (`redis_ca_file`).

use std::time::Duration;

use redis::cluster::{ClusterClientBuilder, ClusterConnection};
use redis::cluster_routing::{Route, RoutingInfo, SingleNodeRoutingInfo, SlotAddr};
use redis::{
    Client, ClientTlsConfig, Connection, ConnectionAddr, ConnectionInfo, ConnectionLike, ErrorKind, IntoConnectionInfo,
    RedisConnectionInfo, RedisError, RedisResult, TlsCertificates,
};

/// A connection to one server or to a whole cluster.
pub(crate) enum Link {
    /// A single server.
    Node(Connection),
    /// The master that a Redis Sentinel named; asked again on every
    /// reconnect, so a failover moves the link to the new master.
    Sentinel {
        /// The master.
        connection: Connection,
        /// The master had a replica when connected: writes wait for one.
        replicated: bool,
        /// The command timeout, also the longest a write waits for a replica.
        timeout: Duration,
    },
    /// A Redis Cluster.
    Cluster {
        /// Routes each command to the master of its key's slot (boxed: it
        /// is several times a single connection's size).
        connection: Box<ClusterConnection>,
        /// Every master has a replica: writes wait for one.
        replicated: bool,
        /// The command timeout, also the longest a write waits for a replica.
        timeout: Duration,
    },
}

/// Where to reach Redis: the configured URL, and once a cluster has been
/// seen, every node it named (with the URL's credentials and database).
pub(crate) struct Seeds {
    given: ConnectionInfo,
    nodes: Vec<ConnectionInfo>,
    /// The master to ask a sentinel for, when it monitors more than one.
    sentinel_master: Option<String>,
    /// The password of a sentinel's master, when not the URL's.
    master_password: Option<String>,
    /// The CA to trust instead of the system's, and the client's own
    /// certificate and key for servers that ask for one (TLS only).
    certificates: Option<TlsCertificates>,
}

impl Seeds {
    /// The seeds of `url` with the TLS material and sentinel master of
    /// `options`: the CA certificates (PEM) that sign the servers'
    /// certificates when they are not in the system's store, and a client
    /// certificate with its key for servers that authenticate clients
    /// (both need a `rediss://` URL; the certificate and key go together).
    pub(crate) fn new(url: &str, options: super::redis::RedisOptions<'_>) -> RedisResult<Seeds> {
        install_crypto_provider();
        let given = url.into_connection_info()?;
        let refuse = |why: &'static str| Err(RedisError::from((ErrorKind::InvalidClientConfig, why)));
        let client_tls = match (options.client_cert_pem, options.client_key_pem) {
            (Some(cert), Some(key)) => Some(ClientTlsConfig { client_cert: cert.to_vec(), client_key: key.to_vec() }),
            (None, None) => None,
            _ => return refuse("a client certificate and its key go together"),
        };
        let wants_tls = options.ca_pem.is_some() || client_tls.is_some();
        if wants_tls && !is_tls(given.addr()) {
            return refuse("TLS certificates are given, but the URL is not rediss:// (TLS)");
        }
        let certificates =
            wants_tls.then(|| TlsCertificates { client_tls, root_cert: options.ca_pem.map(<[u8]>::to_vec) });
        let sentinel_master = options.sentinel_master.map(str::to_owned);
        let master_password = options.master_password.map(str::to_owned);
        Ok(Seeds { given, nodes: Vec::new(), sentinel_master, master_password, certificates })
    }

    /// A client for `node`, over TLS with the given CA when there is one.
    fn client(&self, node: ConnectionInfo) -> RedisResult<Client> {
        match &self.certificates {
            Some(certificates) => Client::build_with_tls(node, certificates.clone()),
            None => Client::open(node),
        }
    }

    /// The address of a node the cluster named, in the given URL's scheme.
    fn node_addr(&self, host: &str, port: u16) -> ConnectionAddr {
        match self.given.addr() {
            ConnectionAddr::TcpTls { insecure, .. } => {
                ConnectionAddr::TcpTls { host: host.to_owned(), port, insecure: *insecure, tls_params: None }
            }
            _ => ConnectionAddr::Tcp(host.to_owned(), port),
        }
    }
}

fn is_tls(addr: &ConnectionAddr) -> bool {
    matches!(addr, ConnectionAddr::TcpTls { .. })
}

/// Makes ring rustls's crypto provider for the process, once (rustls
/// needs one chosen before its first TLS connection).
fn install_crypto_provider() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Another part of the process may have chosen one already: that one
        // is kept. ring builds without cmake (aws-lc-rs, which rustls now
        // prefers for its post-quantum key exchange, needs it).
        #[allow(deprecated)]
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl Link {
    /// Connects through `seeds`, each step bounded by `timeout`.
    pub(crate) fn open(seeds: &mut Seeds, timeout: Duration) -> RedisResult<Link> {
        let mut last_error = None;
        let candidates: Vec<ConnectionInfo> =
            std::iter::once(seeds.given.clone()).chain(seeds.nodes.iter().cloned()).collect();
        for candidate in candidates {
            match Self::open_through(candidate, seeds, timeout) {
                Ok(link) => return Ok(link),
                Err(error) => last_error = Some(error),
            }
        }
        Err(last_error.unwrap_or_else(|| redis::RedisError::from(std::io::Error::other("no Redis node to try"))))
    }

    fn open_through(node: ConnectionInfo, seeds: &mut Seeds, timeout: Duration) -> RedisResult<Link> {
        let mut connection = seeds.client(node)?.get_connection_with_timeout(timeout)?;
        connection.set_read_timeout(Some(timeout))?;
        connection.set_write_timeout(Some(timeout))?;
        // A server that refuses INFO (a restrictive ACL) is taken as a single
        // server rather than refused.
        let info: String = redis::cmd("INFO").arg("cluster").query(&mut connection).unwrap_or_default();
        if !info.lines().any(|line| line.trim() == "cluster_enabled:1") {
            let server: String = redis::cmd("INFO").arg("server").query(&mut connection).unwrap_or_default();
            if server.lines().any(|line| line.trim() == "redis_mode:sentinel") {
                return Self::open_sentinel_master(&mut connection, seeds, timeout);
            }
            return Ok(Link::Node(connection));
        }
        let nodes: String = redis::cmd("CLUSTER").arg("NODES").query(&mut connection)?;
        let topology = Topology::parse(&nodes);
        if !topology.addresses.is_empty() {
            seeds.nodes = topology
                .addresses
                .iter()
                .map(|(host, port)| seeds.given.clone().set_addr(seeds.node_addr(host, *port)))
                .collect();
        }
        let mut initial = vec![seeds.given.clone()];
        initial.extend(seeds.nodes.iter().cloned());
        let mut builder =
            ClusterClientBuilder::new(initial).connection_timeout(timeout).response_timeout(timeout).retries(2);
        if let Some(certificates) = &seeds.certificates {
            builder = builder.certs(certificates.clone());
        }
        let client = builder.build()?;
        let connection = Box::new(client.get_connection()?);
        Ok(Link::Cluster { connection, replicated: topology.every_master_replicated, timeout })
    }

    /// Asks the sentinel on `sentinel` for its master's address, keeps its
    /// fellow sentinels as seeds, and connects to the master (with the
    /// URL's credentials and database), which must say it is one.
    fn open_sentinel_master(sentinel: &mut Connection, seeds: &mut Seeds, timeout: Duration) -> RedisResult<Link> {
        let name = match &seeds.sentinel_master {
            Some(name) => name.clone(),
            None => {
                let masters: Vec<std::collections::HashMap<String, String>> =
                    redis::cmd("SENTINEL").arg("MASTERS").query(sentinel)?;
                match masters.as_slice() {
                    [only] => only.get("name").cloned().unwrap_or_default(),
                    _ => {
                        return Err(RedisError::from((
                            ErrorKind::InvalidClientConfig,
                            "the sentinel monitors several masters (or none): name one in redis_sentinel_master",
                        )));
                    }
                }
            }
        };
        let address: Option<(String, u16)> =
            redis::cmd("SENTINEL").arg("GET-MASTER-ADDR-BY-NAME").arg(&name).query(sentinel)?;
        let Some((host, port)) = address else {
            return Err(RedisError::from((ErrorKind::InvalidClientConfig, "the sentinel knows no such master")));
        };
        let fellows: Vec<std::collections::HashMap<String, String>> =
            redis::cmd("SENTINEL").arg("SENTINELS").arg(&name).query(sentinel).unwrap_or_default();
        let others: Vec<ConnectionInfo> = fellows
            .iter()
            .filter_map(|f| Some((f.get("ip")?.clone(), f.get("port")?.parse::<u16>().ok()?)))
            .map(|(ip, port)| seeds.given.clone().set_addr(seeds.node_addr(&ip, port)))
            .collect();
        if !others.is_empty() {
            seeds.nodes = others;
        }
        let mut master = seeds.given.clone().set_addr(seeds.node_addr(&host, port));
        if let Some(password) = &seeds.master_password {
            // The URL's user and password are the sentinel's.
            let settings = RedisConnectionInfo::default().set_db(master.redis_settings().db()).set_password(password);
            master = master.set_redis_settings(settings);
        }
        let mut connection = seeds.client(master)?.get_connection_with_timeout(timeout)?;
        connection.set_read_timeout(Some(timeout))?;
        connection.set_write_timeout(Some(timeout))?;
        let role: redis::Value = redis::cmd("ROLE").query(&mut connection)?;
        let is_master = matches!(&role, redis::Value::Array(items)
            if matches!(items.first(), Some(redis::Value::BulkString(b)) if b.as_slice() == b"master"));
        if !is_master {
            return Err(RedisError::from(std::io::Error::other(
                "the sentinel's master is not a master yet (a failover is under way); retried",
            )));
        }
        let replication: String = redis::cmd("INFO").arg("replication").query(&mut connection).unwrap_or_default();
        let replicated = replication
            .lines()
            .filter_map(|line| line.trim().strip_prefix("connected_slaves:"))
            .any(|n| n.parse::<u32>().is_ok_and(|n| n > 0));
        Ok(Link::Sentinel { connection, replicated, timeout })
    }

    /// The connection, for commands and scripts.
    pub(crate) fn like(&mut self) -> &mut dyn ConnectionLike {
        match self {
            Link::Node(connection) | Link::Sentinel { connection, .. } => connection,
            Link::Cluster { connection, .. } => connection.as_mut(),
        }
    }

    /// Whether this is a cluster (commands on keys of different slots must
    /// then be sent one by one, not in one pipeline).
    pub(crate) fn is_cluster(&self) -> bool {
        matches!(self, Link::Cluster { .. })
    }

    /// After a write to `key`: in a cluster whose masters have replicas,
    /// waits until one replica of the key's master has it, and fails
    /// otherwise (the write is then retried; the scripts apply a batch once).
    pub(crate) fn replicated(&mut self, key: &str) -> RedisResult<()> {
        let wait = |timeout: &Duration| redis::cmd("WAIT").arg(1).arg(timeout.as_millis().max(1) as u64).to_owned();
        let acknowledged: i64 = match self {
            Link::Cluster { connection, replicated: true, timeout } => {
                let route = RoutingInfo::SingleNode(SingleNodeRoutingInfo::SpecificNode(Route::with_key(
                    key,
                    SlotAddr::Master,
                )));
                redis::from_redis_value(connection.route_command(&wait(timeout), route)?)?
            }
            Link::Sentinel { connection, replicated: true, timeout } => wait(timeout).query(connection)?,
            _ => return Ok(()),
        };
        if acknowledged < 1 {
            return Err(redis::RedisError::from(std::io::Error::other(
                "no replica acknowledged the write in time; it will be retried",
            )));
        }
        Ok(())
    }
}

/// What `CLUSTER NODES` says: every node's address, and whether every
/// master serving slots has a replica.
struct Topology {
    addresses: Vec<(String, u16)>,
    every_master_replicated: bool,
}

impl Topology {
    fn parse(nodes: &str) -> Topology {
        let mut addresses = Vec::new();
        let mut masters = Vec::new();
        let mut replicated_masters = Vec::new();
        for line in nodes.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(id), Some(address), Some(flags), Some(master)) =
                (fields.first(), fields.get(1), fields.get(2), fields.get(3))
            else {
                continue;
            };
            if flags.contains("fail") || flags.contains("noaddr") {
                continue;
            }
            // `host:port@bus-port[,hostname]`
            let address = address.split(['@', ',']).next().unwrap_or("");
            if let Some((host, port)) = address.rsplit_once(':') {
                if let Ok(port) = port.parse::<u16>() {
                    if !host.is_empty() {
                        addresses.push((host.to_owned(), port));
                    }
                }
            }
            if flags.contains("master") && fields.len() > 8 {
                masters.push(*id);
            } else if flags.contains("slave") || flags.contains("replica") {
                replicated_masters.push(*master);
            }
        }
        let every_master_replicated = !masters.is_empty() && masters.iter().all(|m| replicated_masters.contains(m));
        Topology { addresses, every_master_replicated }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_nodes_give_addresses_and_replication() {
        let nodes = "\
a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460
a2 127.0.0.1:7002@17002 master - 0 0 2 connected 5461-10922
a3 127.0.0.1:7003@17003 master - 0 0 3 connected 10923-16383
b1 127.0.0.1:7004@17004 slave a1 0 0 1 connected
b2 127.0.0.1:7005@17005 slave a2 0 0 2 connected
";
        let topology = Topology::parse(nodes);
        assert_eq!(topology.addresses.len(), 5);
        assert_eq!(topology.addresses[3], ("127.0.0.1".to_owned(), 7004));
        assert!(!topology.every_master_replicated, "a3 has no replica");
        let all = format!("{nodes}b3 127.0.0.1:7006@17006 slave a3 0 0 3 connected\n");
        assert!(Topology::parse(&all).every_master_replicated);
        let failed = all.replace("a2 127.0.0.1:7002@17002 master", "a2 127.0.0.1:7002@17002 master,fail");
        assert_eq!(Topology::parse(&failed).addresses.len(), 5, "a failed node is not a seed");
    }
}
