package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class DownloadController {
    private static final String BASE = "/srv/reports";
    private final Path baseDir = Paths.get(BASE);

    @GetMapping("/reports/{name}")
    public byte[] report(@PathVariable String name) throws IOException {
        // ruleid: java-tainted-path
        File f = new File(BASE, name);
        return Files.readAllBytes(f.toPath());
    }

    @GetMapping("/reports/safe")
    public byte[] reportSafe(@RequestParam String name) throws IOException {
        String clean = FilenameUtils.getName(name);
        // ok: java-tainted-path
        File f = new File(BASE, clean);
        return Files.readAllBytes(f.toPath());
    }

    @GetMapping("/reports/nio")
    public byte[] nio(@RequestParam String name) throws IOException {
        // ruleid: java-tainted-path
        Path p = baseDir.resolve(name);
        return Files.readAllBytes(p);
    }

    public InputStream open(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        // ruleid: java-tainted-path
        return new FileInputStream("/var/data/" + file);
    }

    public InputStream openFixed(HttpServletRequest request) throws IOException {
        String lang = request.getParameter("lang");
        // ok: java-tainted-path
        return new FileInputStream("/var/data/messages.properties");
    }

    @org.springframework.web.bind.annotation.PostMapping("/uploads")
    public String upload(@RequestParam("file") MultipartFile file) throws IOException {
        // ruleid: java-tainted-path
        File target = new File("/srv/uploads", file.getOriginalFilename());
        file.transferTo(target);
        return target.getName();
    }

    @org.springframework.web.bind.annotation.PostMapping("/uploads/safe")
    public String uploadSafe(@RequestParam("file") MultipartFile file) throws IOException {
        // ok: java-tainted-path
        File target = new File("/srv/uploads", java.util.UUID.randomUUID() + ".bin");
        file.transferTo(target);
        return target.getName();
    }
}
