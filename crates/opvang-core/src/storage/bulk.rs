//! Multi-row statements for bulk writes: many rows per statement as binds in one `VALUES` list.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::Any;

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

/// Runs `voor VALUES (…), … na` over `rijen` with `kolommen` binds each, as many rows per
/// statement as the limit allows (`voor` is e.g. `INSERT INTO t (a, b)`, `na` an `ON CONFLICT`
/// clause or empty). Statements of a full chunk share their text, so sqlx prepares it once.
pub(super) async fn uitvoeren<'r, T: 'r>(
    tx: &mut sqlx::AnyConnection,
    backend: Backend,
    voor: &str,
    na: &str,
    kolommen: usize,
    rijen: &'r [T],
    bind: impl for<'q> Fn(Query<'q, Any, AnyArguments<'q>>, &'r T) -> Query<'q, Any, AnyArguments<'q>>,
) -> CoreResult<()> {
    let per_statement = (PARAMETERS / kolommen).max(1);
    let sql = |n: usize| format!("{voor} {} {na}", waarden(backend, kolommen, n));
    let mut volle_sql: Option<String> = None;
    for stuk in rijen.chunks(per_statement) {
        let tekst = if stuk.len() == per_statement {
            volle_sql.get_or_insert_with(|| sql(per_statement))
        } else {
            &sql(stuk.len())
        };
        let mut query = sqlx::query(tekst);
        for rij in stuk {
            query = bind(query, rij);
        }
        query.execute(&mut *tx).await?;
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
