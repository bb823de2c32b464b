<?xml version="1.0" encoding="UTF-8"?>
<!--
  build.xsl: every transformation the build makes, in one stylesheet, so
  that one compilation serves them all (the modules that html.xsl,
  text.xsl, json.xsl, cmif.xsl and schema.xsl share are compiled once, not
  once per entry stylesheet). The build calls it by named template:

    xsl:initial-template  batch.xsl: the page, text, JSON and summary of
                          several documents ($batch-documents …), as result
                          documents
    fp:one-document       the page, text, JSON and summary of the global
                          context document (when batch.xsl refuses a batch),
                          as result documents FILE.html, text/FILE.txt,
                          json/FILE.json and summary/FILE.xml, FILE being
                          $doc-file
    fp:edition-outputs    corpus.xsl: every edition-wide output, from the
                          edition header, the registers and the summaries
    mode fp:schema-output schema.xsl: schema.html from the RelaxNG grammar

  Its compiled form is committed as build.sef.json, with the hash of the
  stylesheets it was compiled from in build.sef.hash
  (src/transform/stylesheets.ts); a test fails when they are stale
  (`npm run compile:xslt` makes them again).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:rng="http://relaxng.org/ns/structure/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="batch.xsl"/>
  <xsl:import href="schema.xsl"/>
  <xsl:import href="corpus.xsl"/>

  <!-- One document, as html.xsl, text.xsl, json.xsl and summary.xsl each make it on its own. -->
  <xsl:template name="fp:one-document" as="empty-sequence()">
    <xsl:variable name="file" as="xs:string" select="$doc-file"/>
    <xsl:if test="/teiCorpus">
      <xsl:message terminate="yes" error-code="fp:not-a-document">A teiCorpus is not a document of the edition.</xsl:message>
    </xsl:if>
    <xsl:for-each select="/*">
      <xsl:result-document href="{$file}.html" format="fp:html">
        <xsl:call-template name="fp:document-page"/>
      </xsl:result-document>
      <xsl:result-document href="text/{$file}.txt" format="fp:text">
        <xsl:value-of select="f:text-file(.)"/>
      </xsl:result-document>
      <xsl:result-document href="json/{$file}.json" format="fp:text">
        <xsl:value-of select="concat(f:json-document(.), '&#10;')"/>
      </xsl:result-document>
      <xsl:result-document href="summary/{$file}.xml" format="fp:summary">
        <xsl:apply-templates select="." mode="m:summary"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <!--
    The encoding reference from the RelaxNG grammar, as schema.xsl makes it,
    written as schema.html with the HTML output format (the package's
    unnamed output format is not schema.xsl's).
  -->
  <xsl:mode name="fp:schema-output" on-no-match="shallow-skip"/>

  <xsl:template match="/" mode="fp:schema-output" as="empty-sequence()">
    <xsl:for-each select="/*">
      <xsl:if test="not(self::rng:grammar)">
        <xsl:message terminate="yes">schema.xsl: the source is not a RelaxNG grammar (found <xsl:value-of select="name()"/>)</xsl:message>
      </xsl:if>
      <xsl:result-document href="schema.html" format="fp:html">
        <xsl:call-template name="fp:schema-page"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
