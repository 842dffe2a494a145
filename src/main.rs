use std::process::ExitCode;

fn main() -> ExitCode {
    utter::cli::main()
}
