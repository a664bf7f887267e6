//! A tiny HTTP/1.1 server on 127.0.0.1 for download tests (never any other address): fixed
//! replies by path, one connection at a time, `Connection: close`. Shared by the CLI's unit
//! tests (`src/download.rs`) and its integration tests.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// What the server answers for a path; any other path gets 404.
#[derive(Clone)]
pub enum Reply {
    /// 200 with this body.
    Body(Vec<u8>),
    /// 200 declaring the whole body's length, but only the first `n` bytes are sent.
    Truncated(Vec<u8>, usize),
    /// 302 to this location (relative or absolute).
    Redirect(String),
}

/// A running server: its base URL (`http://127.0.0.1:PORT`) and the paths requested so far.
pub struct Server {
    pub url: String,
    pub requests: Arc<Mutex<Vec<String>>>,
}

/// Starts a server thread (it lives until the test process exits).
pub fn serve(routes: Vec<(&str, Reply)>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let routes: Vec<(String, Reply)> = routes
        .into_iter()
        .map(|(p, r)| (p.to_string(), r))
        .collect();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let log = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).map(|n| n == 0).unwrap_or(true) || h == "\r\n" {
                    break;
                }
            }
            log.lock().unwrap().push(path.clone());
            let reply = routes.iter().find(|(p, _)| *p == path).map(|r| r.1.clone());
            let head = |status: &str, len: usize, extra: &str| {
                format!("HTTP/1.1 {status}\r\nContent-Length: {len}\r\nConnection: close\r\n{extra}\r\n")
            };
            let _ = match reply {
                Some(Reply::Body(b)) => stream
                    .write_all(
                        head(
                            "200 OK",
                            b.len(),
                            "Content-Type: application/octet-stream\r\n",
                        )
                        .as_bytes(),
                    )
                    .and_then(|_| stream.write_all(&b)),
                Some(Reply::Truncated(b, n)) => stream
                    .write_all(head("200 OK", b.len(), "").as_bytes())
                    .and_then(|_| stream.write_all(&b[..n.min(b.len())])),
                Some(Reply::Redirect(to)) => stream
                    .write_all(head("302 Found", 0, &format!("Location: {to}\r\n")).as_bytes()),
                None => stream
                    .write_all(head("404 Not Found", 9, "").as_bytes())
                    .and_then(|_| stream.write_all(b"not found")),
            };
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    });
    Server { url, requests }
}
