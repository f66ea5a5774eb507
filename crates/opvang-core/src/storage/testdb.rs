//! Test databases for the storage suite: every storage test runs on SQLite and on PostgreSQL.
//!
//! SQLite databases come from `#[sqlx::test]`. PostgreSQL databases are created fresh on the
//! server named by `OPVANG_TEST_PG` (an admin URL; `scripts/postgres.sh` starts one) and dropped
//! afterwards. Without that variable the PostgreSQL half is skipped locally, but fails under CI.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::any::AnyPoolOptions;
use sqlx::Executor;

use super::Db;

pub async fn sqlite(opts: sqlx::sqlite::SqliteConnectOptions) -> Db {
    Db::open(opts.get_filename()).await.unwrap()
}

/// A database on the test server that is dropped by [`PgTestDb::opruimen`].
pub struct PgTestDb {
    pub db: Db,
    admin_url: String,
    naam: String,
}

/// The admin URL of the PostgreSQL test server, or `None` (and a notice) when none is configured.
pub fn pg_admin_url() -> Option<String> {
    match std::env::var("OPVANG_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("OPVANG_TEST_PG is not set: CI must run the storage tests on PostgreSQL too")
        }
        _ => {
            eprintln!("OPVANG_TEST_PG not set: PostgreSQL half of this test skipped");
            None
        }
    }
}

/// `url` with its database name replaced by `database`.
pub fn met_database(url: &str, database: &str) -> String {
    let (zonder_query, query) = url
        .split_once('?')
        .map_or((url, None), |(u, q)| (u, Some(q)));
    let basis = match zonder_query.rfind('/') {
        Some(i) if i > zonder_query.find("://").map_or(0, |s| s + 2) => &zonder_query[..i],
        _ => zonder_query,
    };
    match query {
        Some(q) => format!("{basis}/{database}?{q}"),
        None => format!("{basis}/{database}"),
    }
}

pub async fn postgres() -> Option<PgTestDb> {
    static VOLGNUMMER: AtomicU32 = AtomicU32::new(0);
    let admin_url = pg_admin_url()?;
    sqlx::any::install_default_drivers();
    let naam = format!(
        "opvang_test_{}_{}",
        std::process::id(),
        VOLGNUMMER.fetch_add(1, Ordering::SeqCst)
    );
    let admin = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&admin_url)
        .await
        .expect("connect to the PostgreSQL test server");
    admin
        .execute(format!("DROP DATABASE IF EXISTS {naam} WITH (FORCE)").as_str())
        .await
        .unwrap();
    admin
        .execute(format!("CREATE DATABASE {naam}").as_str())
        .await
        .unwrap();
    admin.close().await;
    let db = Db::open_postgres(&met_database(&admin_url, &naam))
        .await
        .unwrap();
    Some(PgTestDb {
        db,
        admin_url,
        naam,
    })
}

impl PgTestDb {
    /// The URL of this test database for another login (the test server trusts loopback).
    pub fn url_als(&self, gebruiker: &str) -> String {
        let url = met_database(&self.admin_url, &self.naam);
        let (schema, rest) = url.split_once("://").expect("URL with scheme");
        let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
        format!("{schema}://{gebruiker}@{host}")
    }

    /// Runs SQL as the server administrator.
    pub async fn als_beheerder(&self, sql: &str) {
        let admin = AnyPoolOptions::new()
            .max_connections(1)
            .connect(&self.admin_url)
            .await
            .unwrap();
        admin.execute(sql).await.unwrap();
        admin.close().await;
    }

    pub async fn opruimen(self) {
        self.db.close().await;
        let admin = AnyPoolOptions::new()
            .max_connections(1)
            .connect(&self.admin_url)
            .await
            .unwrap();
        admin
            .execute(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.naam).as_str())
            .await
            .unwrap();
        admin.close().await;
    }
}

/// Defines a storage test twice: `<name>::sqlite` and `<name>::postgres`, with `db: Db` in scope.
macro_rules! beide_backends {
    (async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn uitvoeren($db: $crate::storage::Db) $body

            #[sqlx::test(migrations = false)]
            async fn sqlite(
                _: sqlx::sqlite::SqlitePoolOptions,
                opts: sqlx::sqlite::SqliteConnectOptions,
            ) {
                uitvoeren($crate::storage::testdb::sqlite(opts).await).await;
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(test) = $crate::storage::testdb::postgres().await {
                    uitvoeren(test.db.clone()).await;
                    test.opruimen().await;
                }
            }
        }
    };
}

pub(crate) use beide_backends;

#[cfg(test)]
mod tests {
    use super::met_database;

    #[test]
    fn replaces_the_database_in_a_url() {
        assert_eq!(
            met_database("postgres://postgres@127.0.0.1:54329/postgres", "t1"),
            "postgres://postgres@127.0.0.1:54329/t1"
        );
        assert_eq!(
            met_database("postgres://u:p@h/postgres?sslmode=require", "t1"),
            "postgres://u:p@h/t1?sslmode=require"
        );
        assert_eq!(
            met_database("postgres://u@h:5432", "t1"),
            "postgres://u@h:5432/t1"
        );
    }
}
