<?php

class InvoiceImporter
{
    public function import(string $xml): array
    {
        $dom = new DOMDocument();
        // ruleid: php-xxe-entity-loading
        $dom->loadXML($xml, LIBXML_NOENT | LIBXML_DTDLOAD);
        return $this->rows($dom);
    }

    public function importSimple(string $xml)
    {
        // ruleid: php-xxe-entity-loading
        $doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
        return $doc->invoice;
    }

    public function importLegacy(string $path)
    {
        // ruleid: php-xxe-entity-loading
        libxml_disable_entity_loader(false);
        $dom = new DOMDocument();
        // ok: php-xxe-entity-loading
        $dom->load($path, LIBXML_NONET);
        return $dom;
    }

    public function importSafe(string $xml)
    {
        // ok: php-xxe-entity-loading
        $doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET | LIBXML_NOCDATA);
        // ok: php-xxe-entity-loading
        libxml_disable_entity_loader(true);
        return $doc;
    }
}
