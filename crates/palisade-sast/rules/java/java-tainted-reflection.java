package com.example.plugins;

import java.util.Map;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;

public class ExportDispatcher {
    private static final Map<String, Supplier<Exporter>> EXPORTERS = Map.of(
            "csv", CsvExporter::new,
            "json", JsonExporter::new);

    public Exporter select(HttpServletRequest request) throws Exception {
        String type = request.getParameter("exporter");
        // ruleid: java-tainted-reflection
        Class<?> cls = Class.forName("com.example.plugins." + type);
        return (Exporter) cls.getDeclaredConstructor().newInstance();
    }

    public Object load(HttpServletRequest request) throws Exception {
        // ruleid: java-tainted-reflection
        return Thread.currentThread().getContextClassLoader().loadClass(request.getHeader("X-Handler")).getDeclaredConstructor().newInstance();
    }

    public Exporter selectSafe(HttpServletRequest request) {
        String type = request.getParameter("exporter");
        Supplier<Exporter> s = EXPORTERS.get(type);
        return s == null ? new CsvExporter() : s.get();
    }

    public Exporter defaultExporter(HttpServletRequest request) throws Exception {
        String locale = request.getParameter("locale");
        // ok: java-tainted-reflection
        Class<?> cls = Class.forName("com.example.plugins.CsvExporter");
        return (Exporter) cls.getDeclaredConstructor().newInstance();
    }
}

interface Exporter {
}

class CsvExporter implements Exporter {
}

class JsonExporter implements Exporter {
}
