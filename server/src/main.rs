use std::process::ExitCode;

use clap::Parser;
use server::{Config, build};

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    server::init_tracing();
    let app = match build(config).await {
        Ok(app) => app,
        Err(err) => {
            tracing::error!(error = %err, "start-up failed");
            return ExitCode::FAILURE;
        }
    };
    println!("VIP route is listening on http://{}/", app.local_addr());
    match app.run_until(server::shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "server stopped with an error");
            ExitCode::FAILURE
        }
    }
}
