import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from lxml import etree


def parse_invoice(data: bytes):
    # ruleid: py-xxe-external-entities
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
    return etree.fromstring(data, parser)


def parse_feed(data: bytes):
    # ruleid: py-xxe-external-entities
    parser = etree.XMLParser(no_network=False)
    return etree.fromstring(data, parser)


def parse_safely(data: bytes):
    # ok: py-xxe-external-entities
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser)


def stream_events(path, handler):
    parser = xml.sax.make_parser()
    # ruleid: py-xxe-external-entities
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(path)


def pull(path):
    parser = xml.sax.make_parser()
    # ruleid: py-xxe-external-entities
    parser.setFeature(feature_external_ges, True)
    # ok: py-xxe-external-entities
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    return pulldom.parse(path, parser=parser)
