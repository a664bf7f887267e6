//! One module per subcommand.

pub mod analyze;
pub mod eval;
pub mod ingest;
pub mod search;
pub mod serve;
pub mod train;
