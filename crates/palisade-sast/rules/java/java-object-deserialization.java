package com.example.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServletRequest;

public class SessionRestorer {

    public Object restore(HttpServletRequest request) throws IOException, ClassNotFoundException {
        try (ObjectInputStream ois = new ObjectInputStream(request.getInputStream())) {
            // ruleid: java-object-deserialization
            return ois.readObject();
        }
    }

    public Object fromBytes(byte[] data) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data));
        // ruleid: java-object-deserialization
        Object o = in.readUnshared();
        in.close();
        return o;
    }

    public Object restoreFiltered(InputStream raw) throws IOException, ClassNotFoundException {
        try (ObjectInputStream ois = new ObjectInputStream(raw)) {
            ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.session.*;!*"));
            // ok: java-object-deserialization
            return ois.readObject();
        }
    }
}
