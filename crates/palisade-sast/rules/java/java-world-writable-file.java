package com.example.storage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

public class ExportWriter {

    public void publish(Path report) throws IOException {
        // ruleid: java-world-writable-file
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    public void share(File script) {
        // ruleid: java-world-writable-file
        script.setWritable(true, false);
    }

    public void addOthers(Path p) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // ruleid: java-world-writable-file
        perms.add(PosixFilePermission.OTHERS_WRITE);
        Files.setPosixFilePermissions(p, perms);
    }

    public void restrict(Path report) throws IOException {
        // ok: java-world-writable-file
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));
    }

    public void ownerOnly(File f) {
        // ok: java-world-writable-file
        f.setWritable(true, true);
    }
}
