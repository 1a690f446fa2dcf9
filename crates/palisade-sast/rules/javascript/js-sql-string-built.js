const mysql = require("mysql2/promise");
const { Sequelize, QueryTypes } = require("sequelize");

const USERS_TABLE = "users";
const sequelize = new Sequelize(process.env.DATABASE_URL);

async function findUser(pool, req) {
  // ruleid: js-sql-string-built
  const [rows] = await pool.query(`SELECT * FROM users WHERE email = '${req.body.email}'`);
  return rows;
}

async function search(term, sort) {
  // ruleid: js-sql-string-built
  return sequelize.query("SELECT id, name FROM products WHERE name LIKE '%" + term + "%'", {
    type: QueryTypes.SELECT,
  });
}

async function remove(db, id) {
  // ruleid: js-sql-string-built
  await db.run(
    `DELETE FROM sessions WHERE user_id = ${id}`,
  );
}

async function safe(pool, db, sql, id, email) {
  // ok: js-sql-string-built
  await pool.query("SELECT * FROM users WHERE email = ?", [email]);
  // ok: js-sql-string-built
  await pool.execute(`SELECT * FROM ${USERS_TABLE} WHERE id = ?`, [id]);
  // ok: js-sql-string-built
  await db.query(sql`SELECT * FROM users WHERE id = ${id}`);
  // ok: js-sql-string-built
  await sequelize.query("SELECT * FROM users WHERE id = :id", { replacements: { id } });
  // ok: js-sql-string-built
  return db.get(`cache:${id}`);
}

module.exports = { findUser, search, remove, safe, mysql };
