resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-f1-micro"
    ip_configuration { # expect: tf-gcp-sql-ssl-not-required
      ipv4_enabled = true
    }
  }
}
