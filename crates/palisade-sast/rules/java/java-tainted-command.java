package com.example.ops;

import java.io.IOException;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class PingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String host = req.getParameter("host");
        // ruleid: java-tainted-command
        Process p = Runtime.getRuntime().exec("ping -c 1 " + host);
        resp.getOutputStream().write(p.getInputStream().readAllBytes());
    }

    protected void uptime(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // ok: java-tainted-command
        Process p = Runtime.getRuntime().exec(new String[] {"uptime"});
        resp.getOutputStream().write(p.getInputStream().readAllBytes());
    }
}

@RestController
class ConvertController {
    @PostMapping("/convert")
    public int convert(@RequestParam("file") String file) throws Exception {
        // ruleid: java-tainted-command
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "convert " + file + " out.png");
        return pb.start().waitFor();
    }

    @PostMapping("/resize")
    public int resize(@RequestParam("width") String width) throws Exception {
        int w = Integer.parseInt(width);
        // ok: java-tainted-command
        ProcessBuilder pb = new ProcessBuilder(List.of("convert", "-resize", String.valueOf(w), "in.png", "out.png"));
        return pb.start().waitFor();
    }

    @PostMapping("/archive")
    public int archive(@RequestParam("dir") String dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java-tainted-command
        pb.command("tar", "czf", "/tmp/out.tgz", dir);
        return pb.start().waitFor();
    }
}
