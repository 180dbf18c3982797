//! Enums stored as text: each value has one stored name (also its JSON name) and a German label.
//! Reading an unknown stored name is an error that names the table, the row and the value
//! (see [`crate::store`]), never a silent default.

/// A value stored in SQLite under a fixed name.
pub trait Stored: Sized + Copy + 'static {
    /// What the value is, for error messages ("Rolle", "Status der Sitzung").
    const WHAT: &'static str;
    /// Every value, in the order the UI lists them.
    const ALL: &'static [Self];
    /// Stored name.
    fn as_str(self) -> &'static str;
    /// German label.
    fn label(self) -> &'static str;
    /// Parses a stored name.
    fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

/// An unknown stored name met while reading; the store adds the table and row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// What was read ("Rolle").
    pub what: &'static str,
    /// The stored text.
    pub value: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} „{}“", self.what, self.value)
    }
}

impl std::error::Error for UnknownValue {}

/// Implements `ToSql`/`FromSql` for a [`Stored`] enum.
macro_rules! sql_text {
    ($name:ty) => {
        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(
                    $crate::model::stored::Stored::as_str(*self),
                ))
            }
        }
        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                <$name as $crate::model::stored::Stored>::parse(text).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(Box::new(
                        $crate::model::stored::UnknownValue {
                            what: <$name as $crate::model::stored::Stored>::WHAT,
                            value: text.to_owned(),
                        },
                    ))
                })
            }
        }
    };
}
pub(crate) use sql_text;

/// Declares a stored enum: the type with serde/ts-rs derives, its [`Stored`] impl and SQL impls.
/// Each variant is `Variant = "stored_name" => "German label"`; the stored name must be the
/// variant's snake_case name, so JSON and SQLite agree.
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $stored:literal => $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $crate::model::stored::Stored for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $stored),+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }

        $crate::model::stored::sql_text!($name);
    };
}
pub(crate) use stored_enum;

#[cfg(test)]
mod tests {
    use super::Stored;
    use crate::model::session::{AgendaKind, AttendanceStatus, SessionStatus};

    #[test]
    fn stored_names_equal_the_json_names() {
        fn check<T: Stored + serde::Serialize>() {
            for value in T::ALL {
                let json = serde_json::to_string(value).expect("json");
                assert_eq!(
                    json,
                    format!("\"{}\"", value.as_str()),
                    "SQLite and the UI must use one name for {}",
                    T::WHAT
                );
                assert_eq!(
                    T::parse(value.as_str()).map(|v| v.as_str()),
                    Some(value.as_str())
                );
            }
        }
        check::<SessionStatus>();
        check::<AgendaKind>();
        check::<AttendanceStatus>();
        check::<crate::model::Role>();
        check::<crate::model::OrganisationKind>();
        check::<crate::model::Salutation>();
    }
}
