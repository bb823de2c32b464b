<?xml version="1.0" encoding="UTF-8"?>
<!--
  json.xsl: one TEI document to one JSON object. corpus.xsl calls the named
  templates fp:json-edition-documents and fp:json-edition-registers
  (json/edition.xsl) on the edition-wide input (common/registers.xsl)
  for index.json, persons.json, places.json and orgs.json
  (xsl:result-document). The shapes
  are the contract in schema/edition-json.schema.json.

  The JSON text is written directly as strings, not with method="json" or
  xml-to-json(): maps in XSLT 3.0 have no order, and the engines'
  serialisers differ in layout and escaping ('/' as '\/'). This keeps the
  keys in the documented order and the bytes identical under Saxon-HE and
  SaxonJS: two-space indentation, only '"', '\' and control characters
  escaped. Every builder below returns the JSON text of one value laid out
  for the indentation of the line it starts on ($indent): fp:object and
  fp:array put their members on lines of their own, two spaces deeper, and
  the closing bracket at $indent. (An earlier version built XPath 3.1
  JSON-XML and walked it with a recursive function per value; in SaxonJS
  that walk was most of the time of the edition-wide JSON.)

  `text` is the reading text of common/plain.xsl without the markers that
  only the .txt file shows (note numbers, hands, pages). Offsets (start,
  end, anchor) count Unicode code points in `text` (string-length does) and
  are end-exclusive: substring(text, start + 1, end - start) is the
  entity's or lemma's text. A note's `anchor` is the offset of its place in
  `text`, or null when the source gives it none. Absent values are null;
  no key is ever left out.

  Entry stylesheet: the modules are common.xsl, common/plain.xsl and
  json/document.xsl (json/edition.xsl, the edition-wide JSON, is
  corpus.xsl's).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>
  <xsl:include href="common/plain.xsl"/>
  <xsl:include href="json/document.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- The entry: a TEI document. -->
  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/" as="node()*">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- Anything that is not TEI: a document object all the same, from what is there. -->
  <xsl:template match="/*" priority="-1" as="node()*">
    <xsl:value-of select="concat(f:json-document(.), '&#10;')"/>
  </xsl:template>

  <xsl:template match="/TEI" as="node()*">
    <xsl:value-of select="concat(f:json-document(.), '&#10;')"/>
  </xsl:template>

</xsl:stylesheet>
