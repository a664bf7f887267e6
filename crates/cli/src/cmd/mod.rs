//! One module per subcommand.

pub mod analyze;
pub mod compare;
pub mod eval;
pub mod extract;
pub mod fetch;
pub mod ingest;
pub mod model;
pub mod search;
pub mod serve;
pub mod stories;
pub mod train;
