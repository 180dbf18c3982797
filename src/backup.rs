//! Backups of the store: a consistent copy in the `backups/` folder beside the database.
