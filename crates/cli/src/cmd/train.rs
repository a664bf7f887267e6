#[derive(clap::Args)]
pub struct Args {}

pub fn run(_a: Args) -> anyhow::Result<crate::inputs::Outcome> {
    anyhow::bail!("train: not yet implemented")
}
