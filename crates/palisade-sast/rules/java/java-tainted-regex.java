package com.example.search;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class LogSearchController {
    private final List<String> lines;

    public LogSearchController(List<String> lines) {
        this.lines = lines;
    }

    @GetMapping("/logs/grep")
    public List<String> grep(@RequestParam("q") String q) {
        // ruleid: java-tainted-regex
        Pattern p = Pattern.compile(q);
        return lines.stream().filter(l -> p.matcher(l).find()).collect(Collectors.toList());
    }

    @GetMapping("/logs/match")
    public List<String> match(@RequestParam("q") String q) {
        // ruleid: java-tainted-regex
        return lines.stream().filter(l -> l.matches(".*" + q + ".*")).collect(Collectors.toList());
    }

    @GetMapping("/logs/find")
    public List<String> find(@RequestParam("q") String q) {
        // ok: java-tainted-regex
        Pattern p = Pattern.compile(".*" + Pattern.quote(q) + ".*");
        return lines.stream().filter(l -> p.matcher(l).matches()).collect(Collectors.toList());
    }

    @GetMapping("/logs/mask")
    public String mask(@RequestParam("text") String text) {
        // ok: java-tainted-regex
        return text.replaceAll("\\d{4}-\\d{4}-\\d{4}-\\d{4}", "****");
    }
}
