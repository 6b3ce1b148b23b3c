use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match pipelinec::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap uses 0 for --help/--version and 2 for usage errors, as we do.
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    ExitCode::from(pipelinec::cli::run(cli))
}
