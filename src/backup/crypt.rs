//! Backups encrypted with a passphrase in the age format (scrypt recipient), readable by the
//! reference `age` tool (`age -d file`), for a copy on a USB stick.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use age::secrecy::SecretString;

use crate::error::{Error, Result};
use crate::model::Field;

/// The first line of every age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// The shortest passphrase accepted for a new encrypted backup.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// True when the file at `path` is in the age format.
pub fn is_encrypted(path: &Path) -> Result<bool> {
    let mut head = Vec::with_capacity(AGE_MAGIC.len());
    std::fs::File::open(path)
        .and_then(|f| f.take(AGE_MAGIC.len() as u64).read_to_end(&mut head))
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(head == AGE_MAGIC)
}

/// Refuses a passphrase too short to protect personal data on a stick.
pub fn check_new_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::validation(
            Field::Passphrase,
            format!(
                "Passphrase: Bitte mindestens {MIN_PASSPHRASE_CHARS} Zeichen verwenden; die Sicherung enthält personenbezogene Daten."
            ),
        ));
    }
    Ok(())
}

/// Encrypts `plain` into `target` with `passphrase`.
pub fn encrypt(plain: &Path, target: &Path, passphrase: &str) -> Result<()> {
    check_new_passphrase(passphrase)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let encryptor = age::Encryptor::with_user_passphrase(SecretString::from(passphrase.to_owned()));
    let mut input = BufReader::new(std::fs::File::open(plain).map_err(io(plain))?);
    let output = std::fs::File::create(target).map_err(io(target))?;
    let mut writer = encryptor
        .wrap_output(BufWriter::new(output))
        .map_err(io(target))?;
    std::io::copy(&mut input, &mut writer).map_err(io(target))?;
    let mut output = writer.finish().map_err(io(target))?;
    output.flush().map_err(io(target))?;
    output
        .into_inner()
        .map_err(|e| Error::Io {
            path: target.to_path_buf(),
            source: e.into_error(),
        })?
        .sync_all()
        .map_err(io(target))?;
    Ok(())
}

/// Decrypts the age file `encrypted` into `target`; a wrong passphrase is named at its field.
pub fn decrypt(encrypted: &Path, target: &Path, passphrase: &str) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let input = BufReader::new(std::fs::File::open(encrypted).map_err(io(encrypted))?);
    let decryptor = age::Decryptor::new_buffered(input).map_err(|e| damaged(encrypted, &e))?;
    if !decryptor.is_scrypt() {
        return Err(Error::validation(
            Field::File,
            "Diese Sicherung ist nicht mit einer Passphrase, sondern mit einem Schlüssel verschlüsselt; Zirkel kann sie nicht öffnen.",
        ));
    }
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                Error::validation(
                    Field::Passphrase,
                    "Passphrase: Die Passphrase passt nicht zu dieser Sicherung. Bitte noch einmal eingeben.",
                )
            }
            other => damaged(encrypted, &other),
        })?;
    let mut output = BufWriter::new(std::fs::File::create(target).map_err(io(target))?);
    std::io::copy(&mut reader, &mut output).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidData {
            Error::Damaged {
                path: Some(encrypted.to_path_buf()),
                detail: "die verschlüsselten Daten sind unvollständig oder verändert".to_owned(),
            }
        } else {
            Error::Io {
                path: target.to_path_buf(),
                source: e,
            }
        }
    })?;
    output.flush().map_err(io(target))?;
    Ok(())
}

fn damaged(path: &Path, error: &age::DecryptError) -> Error {
    Error::Damaged {
        path: Some(path.to_path_buf()),
        detail: format!("verschlüsselte Sicherung nicht lesbar: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_a_wrong_passphrase_named_at_its_field() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plain = dir.path().join("plain.bin");
        std::fs::write(&plain, "Şükrü Özdemir, Łukasz, Nguyễn Thị".repeat(1000)).expect("write");
        let sealed = dir.path().join("sealed.age");
        encrypt(&plain, &sealed, "korrekt Pferd Batterie").expect("encrypt");
        assert!(is_encrypted(&sealed).expect("read"));
        assert!(!is_encrypted(&plain).expect("read"));
        let back = dir.path().join("back.bin");
        decrypt(&sealed, &back, "korrekt Pferd Batterie").expect("decrypt");
        assert_eq!(
            std::fs::read(&back).expect("read"),
            std::fs::read(&plain).expect("read")
        );
        match decrypt(&sealed, &back, "falsch falsch") {
            Err(Error::Invalid(errors)) => {
                assert_eq!(errors[0].field, Field::Passphrase);
                assert!(errors[0].message.contains("passt nicht"), "{errors:?}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(matches!(
            encrypt(&plain, &sealed, "kurz"),
            Err(Error::Invalid(_))
        ));
    }
}
