<?xml version="1.0" encoding="UTF-8"?>
<!--
  schema.xsl: the encoding reference for editors (schema.html), made from
  the RelaxNG schema (schema/edition.rng) and its a:documentation: every
  element the edition allows, what it is for, its attributes (required or
  optional, their values or data type, what each is for), what it may
  contain and where it may stand; then an index of the attributes and the
  data types.

  It imports html.xsl for the page frame (fp:page: the same header,
  navigation, footer, stylesheet and Content-Security-Policy as every other
  page) and the parameters (edition-title, edition-version, licence …).
  Source: the grammar. Principal result: schema.html (no result documents).

    npx xslt3 -xsl:xslt/schema.xsl -s:schema/edition.rng -o:dist/schema.html edition-title='…'

  Entry stylesheet: html.xsl (imported, for the frame) and
  schema/reference.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xmlns:rng="http://relaxng.org/ns/structure/1.0"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://relaxng.org/ns/structure/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="html.xsl"/>
  <xsl:include href="schema/reference.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The entry (the unnamed mode, declared in html.xsl): the grammar. -->
  <xsl:template match="/grammar" as="element()">
    <xsl:call-template name="fp:schema-page"/>
  </xsl:template>

  <!-- Any other root: not a RelaxNG grammar. -->
  <xsl:template match="/*[not(self::grammar)]" priority="-0.5" as="empty-sequence()">
    <xsl:message terminate="yes">schema.xsl: the source is not a RelaxNG grammar (found <xsl:value-of select="name()"/>)</xsl:message>
  </xsl:template>

</xsl:stylesheet>
