package com.example.notes;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class NotesController {
    private final MongoCollection<Document> notes;

    public NotesController(MongoCollection<Document> notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    public List<Document> byOwner(@RequestParam("owner") String owner) {
        // ruleid: java-tainted-nosql-where
        return notes.find(Filters.where("this.owner == '" + owner + "'")).into(new ArrayList<>());
    }

    @GetMapping("/notes/raw")
    public List<Document> raw(@RequestParam("owner") String owner) {
        // ruleid: java-tainted-nosql-where
        Document query = new Document("$where", "this.owner == '" + owner + "'");
        return notes.find(query).into(new ArrayList<>());
    }

    @GetMapping("/notes/safe")
    public List<Document> safe(@RequestParam("owner") String owner) {
        // ok: java-tainted-nosql-where
        return notes.find(Filters.eq("owner", owner)).into(new ArrayList<>());
    }
}
