//! Multi-row statements for bulk writes: many rows per statement as binds in one `VALUES` list.

use std::sync::Arc;

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Execute};

use super::Backend;
use crate::error::CoreResult;

/// Bind parameters per statement. SQLite gets anonymous `?` binds, which sqlx numbers in order
/// without looking each one up by name (a lookup that is linear in the number of named binds, so
/// numbered ones cost time quadratic in their count); 8,000 binds (2,000 rows of four columns)
/// measured fastest there, well under SQLite's limit of 32,766 and PostgreSQL's of 65,535.
const PARAMETERS: usize = 8000;

/// `VALUES (…), (…)` for `rijen` rows of `kolommen` binds: `?` on SQLite, `$1, $2, …` on
/// PostgreSQL (which has no anonymous binds).
fn waarden(backend: Backend, kolommen: usize, rijen: usize) -> String {
    let mut sql = String::with_capacity(rijen * kolommen * 7 + 8);
    sql.push_str("VALUES ");
    for r in 0..rijen {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for k in 0..kolommen {
            if k > 0 {
                sql.push_str(", ");
            }
            match backend {
                Backend::Sqlite => sql.push('?'),
                Backend::Postgres => {
                    sql.push('$');
                    sql.push_str(&(r * kolommen + k + 1).to_string());
                }
            }
        }
        sql.push(')');
    }
    sql
}

/// One statement with its binds, built without a connection (so another thread can build it
/// while the database runs the previous one).
pub(super) struct Statement {
    pub sql: Arc<str>,
    pub binds: AnyArguments<'static>,
}

impl Statement {
    pub async fn uitvoeren(self, tx: &mut sqlx::AnyConnection) -> CoreResult<()> {
        sqlx::query_with(&self.sql, self.binds).execute(tx).await?;
        Ok(())
    }
}

/// The statements `voor VALUES (…), … na` over `rijen` with `kolommen` binds each, as many rows
/// per statement as the limit allows (`voor` is e.g. `INSERT INTO t (a, b)`, `na` an
/// `ON CONFLICT` clause or empty), built one by one as they are taken. Statements of a full chunk
/// share their text, so sqlx prepares it once.
pub(super) fn statements<'r, T: 'r, F>(
    backend: Backend,
    voor: &str,
    na: &str,
    kolommen: usize,
    rijen: &'r [T],
    bind: F,
) -> impl Iterator<Item = CoreResult<Statement>> + 'r
where
    F: Fn(
            Query<'static, Any, AnyArguments<'static>>,
            &'r T,
        ) -> Query<'static, Any, AnyArguments<'static>>
        + 'r,
{
    let per_statement = (PARAMETERS / kolommen).max(1);
    let (voor, na) = (voor.to_owned(), na.to_owned());
    let sql = move |n: usize| -> Arc<str> {
        format!("{voor} {} {na}", waarden(backend, kolommen, n)).into()
    };
    let mut volle_sql: Option<Arc<str>> = None;
    rijen.chunks(per_statement).map(move |stuk| {
        let tekst = if stuk.len() == per_statement {
            volle_sql.get_or_insert_with(|| sql(per_statement)).clone()
        } else {
            sql(stuk.len())
        };
        let mut query = stuk.iter().fold(sqlx::query(""), &bind);
        let binds = query
            .take_arguments()
            .map_err(sqlx::Error::Encode)?
            .unwrap_or_default();
        Ok(Statement { sql: tekst, binds })
    })
}

/// Runs [`statements`] one after the other on `tx`.
pub(super) async fn uitvoeren<'r, T: 'r>(
    tx: &mut sqlx::AnyConnection,
    backend: Backend,
    voor: &str,
    na: &str,
    kolommen: usize,
    rijen: &'r [T],
    bind: impl Fn(
            Query<'static, Any, AnyArguments<'static>>,
            &'r T,
        ) -> Query<'static, Any, AnyArguments<'static>>
        + 'r,
) -> CoreResult<()> {
    for statement in statements(backend, voor, na, kolommen, rijen, bind) {
        statement?.uitvoeren(tx).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{waarden, Backend};

    #[test]
    fn values_number_their_binds_row_by_row_on_postgres_and_leave_them_anonymous_on_sqlite() {
        assert_eq!(waarden(Backend::Postgres, 2, 1), "VALUES ($1, $2)");
        assert_eq!(
            waarden(Backend::Postgres, 3, 2),
            "VALUES ($1, $2, $3), ($4, $5, $6)"
        );
        assert_eq!(
            waarden(Backend::Sqlite, 3, 2),
            "VALUES (?, ?, ?), (?, ?, ?)"
        );
    }
}
