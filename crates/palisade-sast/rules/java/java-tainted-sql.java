package com.example.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProductController {
    private final DataSource dataSource;
    private final JdbcTemplate jdbcTemplate;
    private final EntityManager em;

    public ProductController(DataSource dataSource, JdbcTemplate jdbcTemplate, EntityManager em) {
        this.dataSource = dataSource;
        this.jdbcTemplate = jdbcTemplate;
        this.em = em;
    }

    @GetMapping("/products/search")
    public int search(@RequestParam("name") String name) throws SQLException {
        String sql = "SELECT id FROM products WHERE name = '" + name + "'";
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            // ruleid: java-tainted-sql, java-sql-string-concat
            ResultSet rs = st.executeQuery(sql);
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    @GetMapping("/products/safe")
    public int searchSafe(@RequestParam("name") String name) throws SQLException {
        try (Connection conn = dataSource.getConnection();
             // ok: java-tainted-sql
             PreparedStatement ps = conn.prepareStatement("SELECT id FROM products WHERE name = ?")) {
            ps.setString(1, name);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    public List<Map<String, Object>> byCategory(HttpServletRequest request) {
        String cat = request.getParameter("category");
        // ruleid: java-tainted-sql
        return jdbcTemplate.queryForList("SELECT * FROM products WHERE category = '" + cat + "'");
    }

    public List<Map<String, Object>> byCategorySafe(HttpServletRequest request) {
        String cat = request.getParameter("category");
        // ok: java-tainted-sql
        return jdbcTemplate.queryForList("SELECT * FROM products WHERE category = ?", cat);
    }

    public Object byId(HttpServletRequest request) {
        int id = Integer.parseInt(request.getParameter("id"));
        // ok: java-tainted-sql
        return jdbcTemplate.queryForMap("SELECT * FROM products WHERE id = " + id);
    }

    @GetMapping("/products/jpa")
    public List<?> jpa(@RequestParam String sort) {
        // ruleid: java-tainted-sql
        return em.createQuery("SELECT p FROM Product p ORDER BY " + sort).getResultList();
    }

    @GetMapping("/products/jpa-safe")
    public List<?> jpaSafe(@RequestParam String name) {
        // ok: java-tainted-sql
        return em.createQuery("SELECT p FROM Product p WHERE p.name = :name")
                .setParameter("name", name)
                .getResultList();
    }
}
