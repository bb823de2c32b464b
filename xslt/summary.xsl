<?xml version="1.0" encoding="UTF-8"?>
<!--
  summary.xsl: one TEI document to its summary (common/summary.xsl), the
  principal result: what the document contributes to the edition-wide
  outputs. The build (build.xsl) makes the same summary beside each
  document's page, text and JSON; this stylesheet is for trying it and for
  the tests. Parameter: doc-file (the output base name; '' takes the
  sanitised xml:id).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>
  <xsl:include href="common/entries.xsl"/>
  <xsl:include href="common/plain.xsl"/>
  <xsl:include href="common/summary.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/" as="element()*">
    <xsl:apply-templates select="*" mode="m:summary"/>
  </xsl:template>

</xsl:stylesheet>
