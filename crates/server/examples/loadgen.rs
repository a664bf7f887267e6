//! Open-loop HTTP load generator for `scripts/load-test.sh`: fires GET requests at a fixed rate
//! (not "as fast as answers come", so slow answers cannot hide queueing), for a fixed time, at a
//! loopback address only, with a cap on requests in flight; then prints errors and latency
//! percentiles measured from each request's scheduled start.
//!
//! `cargo run --release -p newsprism-server --example loadgen -- ADDR RATE SECONDS PATH...`
//! e.g. `loadgen 127.0.0.1:8080 200 30 '/api/search?q=war' '/api/search?q=vaccine&lang=en'`

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, Semaphore};

const MAX_IN_FLIGHT: usize = 1_000;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

fn usage() -> ! {
    eprintln!("usage: loadgen ADDR RATE SECONDS PATH... (ADDR must be a loopback address)");
    std::process::exit(2)
}

/// One keep-alive request/response; returns the status code.
async fn request(conn: &mut TcpStream, host: &str, path: &str) -> std::io::Result<u16> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n");
    conn.write_all(req.as_bytes()).await?;
    let mut buf = Vec::with_capacity(16 * 1024);
    let mut chunk = [0u8; 16 * 1024];
    let header_end = loop {
        let n = conn.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "closed",
            ));
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > 64 * 1024 {
            return Err(std::io::Error::other("header too long"));
        }
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_string();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("bad status line"))?;
    let len: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .ok_or_else(|| std::io::Error::other("no content-length"))?;
    let mut have = buf.len() - header_end;
    while have < len {
        let n = conn.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "short body",
            ));
        }
        have += n;
    }
    Ok(status)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        usage();
    }
    let addr: SocketAddr = args[0].parse().unwrap_or_else(|_| usage());
    if !addr.ip().is_loopback() {
        eprintln!("loadgen: refusing to load a non-loopback address ({addr})");
        std::process::exit(2);
    }
    let rate: u64 = args[1].parse().unwrap_or_else(|_| usage());
    let secs: u64 = args[2].parse().unwrap_or_else(|_| usage());
    if rate == 0 || rate > 5_000 || secs == 0 || secs > 600 {
        eprintln!("loadgen: RATE must be 1..=5000 and SECONDS 1..=600");
        std::process::exit(2);
    }
    let paths: Arc<Vec<String>> = Arc::new(args[3..].to_vec());
    let host = addr.to_string();
    let pool: Arc<Mutex<Vec<TcpStream>>> = Arc::new(Mutex::new(Vec::new()));
    let in_flight = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    let errors = Arc::new(AtomicUsize::new(0));
    let total = rate * secs;
    let interval = Duration::from_nanos(1_000_000_000 / rate);
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(total as usize);
    for i in 0..total {
        let scheduled = start + interval * i as u32;
        tokio::time::sleep_until(scheduled.into()).await;
        let Ok(permit) = in_flight.clone().try_acquire_owned() else {
            errors.fetch_add(1, Ordering::Relaxed);
            continue;
        };
        let (pool, paths, host, errors) =
            (pool.clone(), paths.clone(), host.clone(), errors.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = permit;
            let path = &paths[i as usize % paths.len()];
            let conn = pool.lock().await.pop();
            let attempt = async {
                let mut conn = match conn {
                    Some(c) => c,
                    None => TcpStream::connect(addr).await?,
                };
                conn.set_nodelay(true)?;
                let status = request(&mut conn, &host, path).await?;
                Ok::<_, std::io::Error>((conn, status))
            };
            match tokio::time::timeout(REQUEST_TIMEOUT, attempt).await {
                Ok(Ok((conn, status))) => {
                    pool.lock().await.push(conn);
                    if status != 200 {
                        errors.fetch_add(1, Ordering::Relaxed);
                        return None;
                    }
                    Some(scheduled.elapsed())
                }
                _ => {
                    errors.fetch_add(1, Ordering::Relaxed);
                    None
                }
            }
        }));
    }
    let mut lat: Vec<Duration> = Vec::with_capacity(tasks.len());
    for t in tasks {
        if let Ok(Some(d)) = t.await {
            lat.push(d);
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    lat.sort_unstable();
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return f64::NAN;
        }
        let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
        lat[i].as_secs_f64() * 1000.0
    };
    let errors = errors.load(Ordering::Relaxed);
    println!(
        "requests: {total} scheduled at {rate}/s for {secs}s ({:.1}/s achieved)",
        lat.len() as f64 / elapsed
    );
    println!("ok: {}  errors: {errors}", lat.len());
    println!(
        "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
    if errors > 0 {
        std::process::exit(1);
    }
}
