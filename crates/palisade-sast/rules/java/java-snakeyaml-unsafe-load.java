package com.example.config;

import java.io.InputStream;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;

@RestController
public class ConfigUploadController {
    private final Yaml yaml = new Yaml();

    @PostMapping("/config")
    public Object upload(@RequestBody String body) {
        // ruleid: java-snakeyaml-unsafe-load
        return yaml.load(body);
    }

    public Map<String, Object> read(InputStream in) {
        // ruleid: java-snakeyaml-unsafe-load
        return yaml.loadAs(in, Map.class);
    }
}

class SafeConfigReader {
    private final Yaml yaml = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()));

    public Object read(String text) {
        // ok: java-snakeyaml-unsafe-load
        return yaml.load(text);
    }
}
