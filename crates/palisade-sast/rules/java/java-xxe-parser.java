package com.example.importer;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

public class InvoiceImporter {

    public Document parse(InputStream in) throws Exception {
        // ruleid: java-xxe-parser
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder();
        return db.parse(in);
    }

    public Document parseSafe(InputStream in) throws Exception {
        // ok: java-xxe-parser
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf.newDocumentBuilder().parse(in);
    }

    public void scan(InputStream in, DefaultHandler handler) throws Exception {
        // ruleid: java-xxe-parser
        SAXParser parser = SAXParserFactory.newInstance().newSAXParser();
        parser.parse(in, handler);
    }

    public XMLStreamReader stream(InputStream in) throws Exception {
        // ruleid: java-xxe-parser
        XMLInputFactory xif = XMLInputFactory.newFactory();
        return xif.createXMLStreamReader(in);
    }

    public XMLStreamReader streamSafe(InputStream in) throws Exception {
        // ok: java-xxe-parser
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return xif.createXMLStreamReader(in);
    }
}
