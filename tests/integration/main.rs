//! Integration tests of the core over a temporary database file (one test binary).

mod util;
