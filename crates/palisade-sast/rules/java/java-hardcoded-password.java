package com.example.db;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.crypto.spec.PBEKeySpec;
import com.zaxxer.hikari.HikariDataSource;

public class Database {

    public Connection connect() throws SQLException {
        // ruleid: java-hardcoded-password
        return DriverManager.getConnection("jdbc:postgresql://db:5432/shop", "shop", "Sh0pP4ss!");
    }

    public Connection connectFromEnv() throws SQLException {
        // ok: java-hardcoded-password
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    public HikariDataSource pool() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:postgresql://db:5432/shop");
        ds.setUsername("shop");
        // ruleid: java-hardcoded-password
        ds.setPassword("Sh0pP4ss!");
        return ds;
    }

    public void proxyAuth() {
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                // ruleid: java-hardcoded-password
                return new PasswordAuthentication("proxyuser", "pr0xy-secret".toCharArray());
            }
        });
    }

    public PBEKeySpec spec(char[] password, byte[] salt) {
        // ok: java-hardcoded-password
        return new PBEKeySpec(password, salt, 600000, 256);
    }
}
