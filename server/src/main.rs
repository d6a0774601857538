//! The `docsynth` command line.

fn main() {
    std::process::exit(docsynth::cli::main());
}
