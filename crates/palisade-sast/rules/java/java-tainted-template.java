package com.example.mail;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PreviewController {
    private final Configuration cfg;

    public PreviewController(Configuration cfg) {
        this.cfg = cfg;
    }

    @PostMapping("/preview/velocity")
    public String velocity(@RequestBody String body, @RequestParam("name") String name) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("name", name);
        StringWriter out = new StringWriter();
        // ruleid: java-tainted-template
        Velocity.evaluate(ctx, out, "preview", body);
        return out.toString();
    }

    @PostMapping("/preview/velocity-fixed")
    public String velocityFixed(@RequestParam("name") String name) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("name", name);
        StringWriter out = new StringWriter();
        // ok: java-tainted-template
        Velocity.evaluate(ctx, out, "preview", "Hello $name");
        return out.toString();
    }

    @PostMapping("/preview/freemarker")
    public String freemarker(@RequestParam("tpl") String tpl) throws Exception {
        // ruleid: java-tainted-template
        Template t = new Template("preview", new StringReader(tpl), cfg);
        StringWriter out = new StringWriter();
        t.process(Map.of(), out);
        return out.toString();
    }

    @PostMapping("/preview/freemarker-file")
    public String freemarkerFile(@RequestParam("name") String name) throws Exception {
        // ok: java-tainted-template
        Template t = cfg.getTemplate("welcome.ftl");
        StringWriter out = new StringWriter();
        t.process(Map.of("name", name), out);
        return out.toString();
    }
}
