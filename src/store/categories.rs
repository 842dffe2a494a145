use rusqlite::{OptionalExtension, params};

use super::{Store, StoreResult};
use crate::model::Category;

impl Store {
    pub fn list_categories(&self) -> StoreResult<Vec<Category>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, color FROM categories ORDER BY position, name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Category {
                name: r.get(0)?,
                color: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The stored spelling of a category name matched case-insensitively.
    pub fn find_category(&self, name: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name FROM categories WHERE name = ?1 COLLATE NOCASE",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn upsert_category(&mut self, category: &Category) -> StoreResult<Category> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO categories (name, color, position)
                 VALUES (?1, ?2, (SELECT COALESCE(MAX(position), -1) + 1 FROM categories))
                 ON CONFLICT(name) DO UPDATE SET color = excluded.color",
                params![category.name, category.color],
            )?;
            Ok(category.clone())
        })
    }
}
