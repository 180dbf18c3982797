//! Reads the command names out of `zirkel_handlers!` in `src/lib.rs`, the one list of the
//! page's commands: for the permission manifest (build.rs) and the capability test.

/// The names in `zirkel_handlers!`: each line `commands::<area>::<name>,` of the macro.
pub fn registered(lib: &str) -> Vec<String> {
    let start = lib
        .find("macro_rules! zirkel_handlers")
        .expect("src/lib.rs defines zirkel_handlers!");
    lib[start..]
        .lines()
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with("};"))
        .filter_map(|line| line.trim().strip_prefix("commands::"))
        .filter_map(|path| path.trim_end_matches(',').rsplit("::").next())
        .map(str::to_owned)
        .collect()
}
