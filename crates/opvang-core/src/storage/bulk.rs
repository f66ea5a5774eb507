//! Multi-row statements for bulk writes: many rows per statement, as binds or as one JSON array.

use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::Any;

use super::Backend;
use crate::error::CoreResult;

/// The elements of the JSON array bound as `$1`, as a table with one column `value`; columns are
/// read with `value ->> 0`, `value ->> 1`, … (text, or SQL NULL for JSON null), which both backends
/// understand, so only this source differs between them.
pub(super) fn json_rijen(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "json_each($1)",
        Backend::Postgres => "json_array_elements(CAST($1 AS json))",
    }
}

/// `rijen` as one JSON array (each row a JSON array of its columns), for [`json_rijen`].
pub(super) fn json_tekst<T: Serialize>(rijen: &[T]) -> String {
    serde_json::to_string(rijen).expect("rows serialize")
}

/// Bind parameters per statement: sqlx looks up every parameter by name, which costs time
/// quadratic in their number, so a moderate number beats one huge statement.
const PARAMETERS: usize = 100;

/// `VALUES ($1, …), (…)` for `rijen` rows of `kolommen` columns.
fn waarden(kolommen: usize, rijen: usize) -> String {
    let mut sql = String::with_capacity(rijen * kolommen * 6 + 8);
    sql.push_str("VALUES ");
    for r in 0..rijen {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for k in 0..kolommen {
            if k > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(r * kolommen + k + 1).to_string());
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
    voor: &str,
    na: &str,
    kolommen: usize,
    rijen: &'r [T],
    bind: impl for<'q> Fn(Query<'q, Any, AnyArguments<'q>>, &'r T) -> Query<'q, Any, AnyArguments<'q>>,
) -> CoreResult<()> {
    let per_statement = (PARAMETERS / kolommen).max(1);
    let sql = |n: usize| format!("{voor} {} {na}", waarden(kolommen, n));
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
    use super::waarden;

    #[test]
    fn values_number_their_binds_row_by_row() {
        assert_eq!(waarden(2, 1), "VALUES ($1, $2)");
        assert_eq!(waarden(3, 2), "VALUES ($1, $2, $3), ($4, $5, $6)");
    }
}
