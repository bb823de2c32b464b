<?xml version="1.0" encoding="UTF-8"?>
<!--
  build.xsl: every transformation the build makes, in one stylesheet, so
  that one compilation serves them all: corpus.xsl (which includes every
  module of html.xsl, text.xsl, json.xsl and cmif.xsl, each once),
  common/summary.xsl and schema/reference.xsl. The build calls it by
  named template:

    xsl:initial-template  the page, text, JSON and summary of
                          several documents ($batch-documents …), as result
                          documents
    fp:one-document       the page, text, JSON and summary of the global
                          context document (when the batch is refused),
                          as result documents FILE.html, text/FILE.txt,
                          json/FILE.json and summary/FILE.xml, FILE being
                          $doc-file
    fp:edition-documents-outputs, fp:edition-registers-outputs
                          corpus.xsl's: the edition-wide outputs, from the
                          edition header, the registers and the summaries
    mode fp:schema-output schema.html from the RelaxNG grammar

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

  <xsl:include href="corpus.xsl"/>
  <xsl:include href="common/summary.xsl"/>
  <xsl:include href="schema/reference.xsl"/>

  <xsl:output name="fp:summary" method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <!--
    The initial template: several documents to their page, text and JSON in one
    transformation, each written with xsl:result-document:
    FILE.html, text/FILE.txt and json/FILE.json, where FILE is the document's
    entry in $batch-files. The outputs are those html.xsl, text.xsl and
    json.xsl give for each document on its own, byte for byte. And
    summary/FILE.xml, the document's summary (summary.xsl's, byte for byte),
    which the build keeps for the edition-wide outputs and does not publish.

    Why: SaxonJS sets every transformation up from the whole compiled
    stylesheet, which costs about as much as transforming a short letter.
    The build's workers hand it a batch of documents at a time.

    Parameters (common/params.xsl): $batch-documents, $batch-files,
    $batch-prev, $batch-next, and the edition-wide ones. Run from the initial
    template, with the first document as the global context item.

    A single document's edition title and licence fall back on its own
    header when the parameters do not give them; one transformation cannot
    do that per document, so a batch without them, or one holding a
    teiCorpus, stops with error fp:batch-unsuitable and the caller
    transforms the documents one at a time.
  -->

  <xsl:template name="xsl:initial-template" as="empty-sequence()">
    <xsl:if test="not(fp:batch-suitable())">
      <xsl:message terminate="yes" error-code="fp:batch-unsuitable">The documents must be transformed one at a time.</xsl:message>
    </xsl:if>
    <xsl:for-each select="$batch-documents">
      <xsl:variable name="i" as="xs:integer" select="position()"/>
      <xsl:variable name="file" as="xs:string" select="$batch-files[$i]"/>
      <xsl:for-each select="*">
        <xsl:result-document href="{$file}.html" format="fp:html">
          <xsl:call-template name="fp:document-page"/>
        </xsl:result-document>
        <!-- The text file and the JSON read the document's text once. -->
        <xsl:variable name="paragraphs" as="xs:string" select="f:plain-paragraphs(text)"/>
        <xsl:result-document href="text/{$file}.txt" format="fp:text">
          <xsl:value-of select="f:text-file(., $paragraphs)"/>
        </xsl:result-document>
        <xsl:result-document href="json/{$file}.json" format="fp:text">
          <xsl:value-of select="concat(f:json-document(., $paragraphs), '&#10;')"/>
        </xsl:result-document>
        <xsl:result-document href="summary/{$file}.xml" format="fp:summary">
          <xsl:apply-templates select="." mode="m:summary"/>
        </xsl:result-document>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!--
    Whether every document gets from the parameters the values it would
    otherwise read from its own header (see common/params.xsl): the
    edition's title, the licence's name and a usable licence URL; and no
    document is a teiCorpus (those make the edition-wide pages instead).
  -->
  <xsl:function name="fp:batch-suitable" as="xs:boolean">
    <xsl:sequence select="normalize-space($edition-title) != ''
                          and normalize-space($licence-label) != ''
                          and f:is-safe-url(f:clean-url($licence))
                          and empty($batch-documents/teiCorpus)
                          and count($batch-files) = count($batch-documents)"/>
  </xsl:function>

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
