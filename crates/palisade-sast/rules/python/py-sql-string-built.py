def find_patients(conn, name):
    with conn.cursor() as cur:
        # ruleid: py-sql-string-built
        cur.execute(f"SELECT id, full_name FROM patients WHERE full_name ILIKE '%{name}%'")
        # ok: py-sql-string-built
        cur.execute("SELECT id, full_name FROM patients WHERE full_name ILIKE %s", (f"%{name}%",))
        return cur.fetchall()


def find_users(cur, name, table):
    # ruleid: py-sql-string-built
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: py-sql-string-built
    cur.execute("SELECT * FROM " + table + " WHERE id = 1")
    # ruleid: py-sql-string-built
    cur.execute("DELETE FROM users WHERE name = '{}'".format(name))
    # ok: py-sql-string-built
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    # ok: py-sql-string-built
    cur.execute(f"SELECT count(*) FROM users")
