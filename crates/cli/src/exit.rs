//! Exit codes, documented in the README:
//!
//! | code | meaning |
//! |------|---------|
//! | 0 | everything was processed |
//! | 1 | fatal error: nothing useful was done (bad model, unwritable output, no readable input) |
//! | 2 | bad command line (clap's usage errors) |
//! | 3 | partial: some inputs failed (each reported on stderr), the others were processed |

use crate::inputs::Outcome;

pub const OK: i32 = 0;
pub const FATAL: i32 = 1;
pub const PARTIAL: i32 = 3;

/// Maps a subcommand's result to the process exit code, printing a fatal error if any.
pub fn code(result: anyhow::Result<Outcome>) -> i32 {
    match result {
        Ok(o) if o.failed == 0 => OK,
        Ok(o) if o.succeeded == 0 => {
            eprintln!(
                "newsprism: no input could be processed ({} failed)",
                o.failed
            );
            FATAL
        }
        Ok(o) => {
            eprintln!(
                "newsprism: {} of {} inputs failed (see messages above)",
                o.failed,
                o.failed + o.succeeded
            );
            PARTIAL
        }
        Err(e) => {
            if is_broken_pipe(&e) {
                return OK;
            }
            eprintln!("newsprism: error: {e:#}");
            FATAL
        }
    }
}

/// `newsprism analyze ... | head` should end quietly, as Unix tools do: Rust ignores SIGPIPE, so a
/// write to a closed pipe surfaces as a `BrokenPipe` error, which counts as a clean exit.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
