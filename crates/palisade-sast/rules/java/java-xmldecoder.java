package com.example.settings;

import java.beans.XMLDecoder;
import java.beans.XMLEncoder;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import javax.servlet.http.HttpServletRequest;

public class SettingsImport {

    public Object importSettings(HttpServletRequest request) throws Exception {
        // ruleid: java-xmldecoder
        try (XMLDecoder decoder = new XMLDecoder(new BufferedInputStream(request.getInputStream()))) {
            return decoder.readObject();
        }
    }

    public Object load(InputStream in) {
        // ruleid: java-xmldecoder
        XMLDecoder d = new java.beans.XMLDecoder(in);
        return d.readObject();
    }

    public byte[] export(Object settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // ok: java-xmldecoder
        try (XMLEncoder enc = new XMLEncoder(out)) {
            enc.writeObject(settings);
        }
        return out.toByteArray();
    }
}
