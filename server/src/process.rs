//! What a server process runs: its API, and the workers beside it. Both are built without being
//! started; `main` spawns them on one `JoinSet` and stops them all with one `CancellationToken`.

use axum::Router;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::storage::Store;

/// A task of the process that ended, and how.
#[derive(Debug)]
pub struct Stopped {
    pub task: &'static str,
    pub outcome: std::io::Result<()>,
}

/// The HTTP API, bound to its address and not yet serving.
pub struct Api {
    listener: TcpListener,
    router: Router,
}

impl Api {
    /// Listens on `listen` (port 0 picks a free one).
    pub async fn bind(listen: SocketAddr) -> std::io::Result<Self> {
        Ok(Self {
            listener: TcpListener::bind(listen).await?,
            router: Router::new(),
        })
    }

    pub fn address(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn with_router(self, router: Router) -> Self {
        Self { router, ..self }
    }

    /// Serves until `stop` is cancelled, then lets the requests in flight finish.
    pub async fn serve(self, stop: CancellationToken) -> std::io::Result<()> {
        // With each request's peer address, which sign-in through a portal's proxy checks.
        let router = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, router)
            .with_graceful_shutdown(stop.cancelled_owned())
            .await
    }

    /// Spawns the API on `tasks`, serving until `stop` is cancelled.
    pub fn spawn_on(self, tasks: &mut JoinSet<Stopped>, stop: &CancellationToken) {
        let stop = stop.clone();
        tasks.spawn(async move {
            Stopped {
                task: "api",
                outcome: self.serve(stop).await,
            }
        });
    }
}

type Task = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Tasks that run beside the API for as long as the process does (reconciliation, report polling,
/// the sandboxes' report pushers), each named for the logs.
#[derive(Default)]
pub struct Workers {
    tasks: Vec<(&'static str, Task)>,
}

impl Workers {
    pub fn add(&mut self, name: &'static str, task: impl Future<Output = ()> + Send + 'static) {
        self.tasks.push((name, Box::pin(task)));
    }

    pub fn extend(&mut self, other: Workers) {
        self.tasks.extend(other.tasks);
    }

    /// Spawns each worker on `tasks`, to run until `stop` is cancelled.
    pub fn spawn_on(self, tasks: &mut JoinSet<Stopped>, stop: &CancellationToken) {
        for (name, task) in self.tasks {
            let stop = stop.clone();
            tasks.spawn(async move {
                tokio::select! {
                    () = stop.cancelled() => {}
                    () = task => tracing::warn!(worker = name, "a worker ended on its own"),
                }
                Stopped {
                    task: name,
                    outcome: Ok(()),
                }
            });
        }
    }
}

/// What a stopping server finishes once it takes no more requests: the hand-overs and the
/// server functions that act (`routes::server_fns`) in flight, within the grace period; then the
/// claims its tasks still hold, let go so that another instance settles those submissions at
/// once instead of when the claims lapse.
pub struct Drain {
    /// The hand-overs, and the server functions that act.
    pub handovers: TaskTracker,
    pub store: Store,
    pub instance: String,
    /// How long requests and hand-overs may take to finish (`server.shutdown_grace_seconds`).
    pub grace: Duration,
}

impl Drain {
    /// Waits for the hand-overs and the calls that act until `deadline`, then releases this
    /// instance's claims.
    pub async fn finish(self, deadline: tokio::time::Instant) {
        self.handovers.close();
        if tokio::time::timeout_at(deadline, self.handovers.wait())
            .await
            .is_err()
        {
            tracing::warn!(
                running = self.handovers.len(),
                "hand-overs or calls still running when the grace period ended: reconciliation settles the batches they recorded"
            );
        }
        match self.store.release_claims(&self.instance).await {
            Ok(released) => tracing::info!(released, "claims let go for another instance"),
            Err(error) => tracing::error!(%error, "claims not let go: they lapse on their own"),
        }
    }
}

/// The address a server reaches itself on: loopback when listening on every interface.
pub fn loopback(address: SocketAddr) -> SocketAddr {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), address.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv6Addr::LOCALHOST.into(), address.port())
        }
        _ => address,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn one_signal_stops_the_api_and_every_worker() {
        let stop = CancellationToken::new();
        let mut tasks = JoinSet::new();
        let api = Api::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
        api.spawn_on(&mut tasks, &stop);
        let mut workers = Workers::default();
        workers.add("forever", std::future::pending());
        workers.add("ticking", async {
            loop {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
        workers.spawn_on(&mut tasks, &stop);
        stop.cancel();
        let mut stopped = Vec::new();
        while let Some(done) = tokio::time::timeout(Duration::from_secs(5), tasks.join_next())
            .await
            .expect("every task stops on the signal")
        {
            let done = done.expect("no task panics");
            assert!(done.outcome.is_ok(), "{done:?}");
            stopped.push(done.task);
        }
        stopped.sort_unstable();
        assert_eq!(stopped, ["api", "forever", "ticking"]);
    }
}
