#[derive(clap::Args)]
pub struct Args {}

pub fn run(_a: Args) -> anyhow::Result<crate::inputs::Outcome> {
    anyhow::bail!("eval: not yet implemented")
}
