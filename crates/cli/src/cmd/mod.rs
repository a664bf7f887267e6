//! One module per subcommand.

pub mod analyze;
pub mod eval;
pub mod extract;
pub mod fetch;
pub mod train;
