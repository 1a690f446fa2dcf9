package com.example.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class OrderDao {
    private static final String TABLE = "orders";
    private final Connection conn;

    public OrderDao(Connection conn) {
        this.conn = conn;
    }

    public int countFor(String customer) throws SQLException {
        Statement st = conn.createStatement();
        // ruleid: java-sql-string-concat
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders WHERE customer = '" + customer + "'");
        rs.next();
        return rs.getInt(1);
    }

    public void cancel(String orderId) throws SQLException {
        String sql = "UPDATE orders SET status = 'CANCELLED' WHERE id = " + orderId;
        try (Statement st = conn.createStatement()) {
            // ruleid: java-sql-string-concat
            st.executeUpdate(sql);
        }
    }

    public int total() throws SQLException {
        Statement st = conn.createStatement();
        // ok: java-sql-string-concat
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + TABLE);
        rs.next();
        return rs.getInt(1);
    }

    public int countForSafe(String customer) throws SQLException {
        PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM orders WHERE customer = ?");
        ps.setString(1, customer);
        // ok: java-sql-string-concat
        ResultSet rs = ps.executeQuery();
        rs.next();
        return rs.getInt(1);
    }
}
