//! A TCP relay in front of a node's websocket that a test can cut: every open connection is
//! closed at once and new ones are refused until it is restored, as a flaky network drops a
//! subscription.
use std::io;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The relay: connect to `url` instead of the node.
pub struct Relay {
    /// `ws://127.0.0.1:<port>` of the relay.
    pub url: String,
    open: Arc<AtomicBool>,
    connections: Arc<Mutex<Vec<TcpStream>>>,
}

impl Relay {
    /// Relays connections on a free local port to `target`.
    pub fn start(target: SocketAddr) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let url = format!("ws://{}", listener.local_addr().expect("bound"));
        let open = Arc::new(AtomicBool::new(true));
        let connections: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let (accepting, held) = (open.clone(), connections.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !accepting.load(Ordering::SeqCst) {
                    continue; // dropped: the connection closes at once
                }
                let Ok(node) = TcpStream::connect(target) else {
                    continue;
                };
                let pipes = (client.try_clone(), node.try_clone());
                if let (Ok(client_out), Ok(node_out)) = pipes {
                    held.lock().expect("lock").extend([client_out, node_out]);
                }
                pipe(client, node);
            }
        });
        Relay {
            url,
            open,
            connections,
        }
    }

    /// Closes every relayed connection and refuses new ones.
    pub fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        for stream in self.connections.lock().expect("lock").drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    /// Accepts connections again.
    pub fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

/// Copies bytes both ways between `a` and `b` until either side closes.
fn pipe(a: TcpStream, b: TcpStream) {
    let copy = |mut from: TcpStream, mut to: TcpStream| {
        std::thread::spawn(move || {
            let _: io::Result<u64> = io::copy(&mut from, &mut to);
            let _ = to.shutdown(Shutdown::Both);
        });
    };
    if let (Ok(a2), Ok(b2)) = (a.try_clone(), b.try_clone()) {
        copy(a, b2);
        copy(b, a2);
    }
}
