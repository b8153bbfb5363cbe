use std::{io::Write, process::ExitCode};

use clap::Parser;
use server::{Config, build};

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    server::init_tracing();
    if let Some(server::Command::InviteCoordinator {
        email,
        municipality,
        name,
    }) = &config.command
    {
        return match server::invite_coordinator(&config, email, municipality, name).await {
            Ok(link) => {
                println!("Invitation for the coordinator (valid 7 days, works once):\n{link}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("vip-server: {err}");
                ExitCode::FAILURE
            }
        };
    }
    let printed = match &config.command {
        Some(server::Command::Seed { scale }) => Some(server::seed(&config, *scale).await),
        Some(server::Command::Backup { file }) => {
            Some(server::backup(&config.database, file).await)
        }
        Some(server::Command::Restore { file }) => {
            Some(server::restore(&config.database, file).await)
        }
        Some(server::Command::Retention { dry_run }) => {
            Some(server::retention(&config, *dry_run).await)
        }
        Some(server::Command::InviteCoordinator { .. }) | None => None,
    };
    if let Some(result) = printed {
        return match result {
            Ok(lines) => {
                for line in lines {
                    println!("{line}");
                }
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("vip-server: {err}");
                ExitCode::FAILURE
            }
        };
    }
    let demo = config.demo;
    let app = match build(config).await {
        Ok(app) => app,
        Err(err) => {
            tracing::error!(error = %err, "start-up failed");
            return ExitCode::FAILURE;
        }
    };
    // Printed for the person starting the server; a closed stdout must not stop it.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "VIP route is listening on http://{}/",
        app.local_addr()
    );
    if demo {
        let (logins, password) = server::demo_logins();
        let _ = writeln!(out, "Demo logins, each with the password {password}:");
        for login in logins {
            let _ = writeln!(out, "  {login}");
        }
        let (second, secret) = server::demo_second_factors();
        let _ = writeln!(
            out,
            "The coordinators also give a code after the password (a second factor): add the \
             TOTP secret {secret} to an authenticator app by hand, or scan a QR code of:"
        );
        for (login, uri) in second {
            let _ = writeln!(out, "  {login}: {uri}");
        }
    }
    let _ = out.flush();
    drop(out);
    match app.run_until(server::shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "server stopped with an error");
            ExitCode::FAILURE
        }
    }
}
