package io.github.sparselr.knime.standin;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** A namespace-aware DOM parser that refuses DOCTYPEs, external entities and XInclude. */
public final class SafeXml {

    private SafeXml() {
    }

    /** Parses a whole document; a malformed one is an {@link IOException} with the parser's reason. */
    public static Document parse(final InputStream in) throws IOException {
        try {
            return builder().parse(in);
        } catch (SAXException e) {
            throw new IOException("Malformed XML: " + e.getMessage(), e);
        }
    }

    /** A fresh builder with the protections on; builders are not thread-safe. */
    public static DocumentBuilder builder() throws IOException {
        try {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            final DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("The JDK's XML parser cannot be configured safely: " + e.getMessage(), e);
        }
    }
}
