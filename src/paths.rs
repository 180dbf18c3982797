//! Where the store lives: the platform's local app-data folder for the app's identifier, shared
//! by the app and the CLI; `ZIRKEL_DB` overrides it. A store on a network drive is refused:
//! SQLite's write-ahead log needs shared memory that network file systems do not provide, so two
//! PCs (or one PC and a flaky share) could corrupt it. One register is for one PC.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Field;

/// The app identifier (`tauri.conf.json`); it fixes the data folder.
pub const APP_IDENTIFIER: &str = "de.zirkel.desktop";

/// Set to `1` to open a store on a network path anyway (at the user's own risk).
pub const ALLOW_NETWORK_ENV: &str = "ZIRKEL_ALLOW_NETWORK_DB";

/// The default database path: `ZIRKEL_DB` if set, else `<local data dir>/de.zirkel.desktop/
/// zirkel.sqlite3`: on Windows `%LOCALAPPDATA%`, not the roaming `%APPDATA%` (a redirected
/// roaming profile lies on a network share); on Linux `$XDG_DATA_HOME` or `~/.local/share`.
pub fn default_db_path() -> PathBuf {
    if let Some(path) = std::env::var_os("ZIRKEL_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_local_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join(crate::store::FILE_NAME)
}

/// Refuses a database path on a network drive (a UNC path `\\server\share`, or on Linux a
/// mount of NFS, SMB/CIFS, SSHFS and the like), unless `ZIRKEL_ALLOW_NETWORK_DB=1`.
pub fn check_local(path: &Path) -> Result<()> {
    if std::env::var(ALLOW_NETWORK_ENV).is_ok_and(|v| v == "1") {
        return Ok(());
    }
    match network_kind(path) {
        None => Ok(()),
        Some(kind) => Err(Error::validation(
            Field::Path,
            format!(
                "Die Datenbank „{}“ liegt auf einem Netzlaufwerk ({kind}). Dort kann SQLite sie bei \
                 einem Verbindungsabbruch oder bei Zugriff von zwei PCs beschädigen; Zirkel öffnet \
                 sie deshalb nicht. Bitte die Datenbank auf diesem PC lassen und nur die \
                 Sicherungen auf das Netzlaufwerk legen (Einstellungen → Datensicherung → zweiter \
                 Ordner).",
                path.display()
            ),
        )),
    }
}

/// The kind of network file system `path` lies on, if any.
pub fn network_kind(path: &Path) -> Option<String> {
    let text = path.to_string_lossy();
    if text.starts_with("\\\\") || text.starts_with("//") {
        return Some("Netzwerkpfad".to_owned());
    }
    #[cfg(target_os = "linux")]
    {
        let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
        let absolute = std::path::absolute(path).ok()?;
        return network_mount(&mounts, &absolute);
    }
    #[allow(unreachable_code)]
    None
}

/// The network file system in a `/proc/self/mounts` text whose mount point holds `path` (the
/// longest matching mount point wins).
fn network_mount(mounts: &str, path: &Path) -> Option<String> {
    const NETWORK: [&str; 9] = [
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "fuse.rclone",
    ];
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (_, point, kind) = (fields.next()?, fields.next()?, fields.next()?);
            let point = point.replace("\\040", " ");
            path.starts_with(&point)
                .then(|| (point.len(), kind.to_owned()))
        })
        .max_by_key(|(len, _)| *len)
        .and_then(|(_, kind)| NETWORK.contains(&kind.as_str()).then_some(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTS: &str = "/dev/sda1 / ext4 rw,relatime 0 0\n\
        server:/export /mnt/daten nfs4 rw 0 0\n\
        //fileserver/amt /media/Amt\\040Integration cifs rw 0 0\n\
        /dev/sdb1 /mnt/daten/lokal ext4 rw 0 0\n";

    #[test]
    fn network_mounts_are_recognised_and_the_longest_mount_point_wins() {
        let kind = |p: &str| network_mount(MOUNTS, Path::new(p));
        assert_eq!(kind("/home/gs/.local/share/zirkel.sqlite3"), None);
        assert_eq!(kind("/mnt/daten/zirkel.sqlite3").as_deref(), Some("nfs4"));
        assert_eq!(
            kind("/media/Amt Integration/z.sqlite3").as_deref(),
            Some("cifs")
        );
        assert_eq!(kind("/mnt/daten/lokal/zirkel.sqlite3"), None);
    }

    #[test]
    fn a_unc_path_is_refused_with_a_german_reason() {
        let error =
            check_local(Path::new("\\\\server\\freigabe\\zirkel.sqlite3")).expect_err("refused");
        let message = error.user_message();
        assert!(message.contains("Netzlaufwerk"), "{message}");
        assert!(message.contains("zweiter Ordner"), "{message}");
        assert!(check_local(Path::new("/tmp/zirkel.sqlite3")).is_ok());
    }
}
