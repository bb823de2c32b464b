<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: a TEI document to its page (docNNN.html, the principal
  result). The pages that span the edition (index.html, persons.html,
  places.html, orgs.html, persons/ID.html, places/ID.html, orgs/ID.html,
  about.html, search.html) are made by corpus.xsl, from the documents'
  summaries, with html/edition.xsl and this stylesheet's page frame.
  schema.xsl imports this stylesheet for the page frame.

  Every page: HTML5 doctype, <html lang="en">, a strict
  Content-Security-Policy, one stylesheet (assets/edition.css, which the
  build copies from xslt/assets/), no inline script (only script files of
  the site: assets/*.js and search-index.js, each page enhancing what
  works without them; the one inline script element is a document page's
  schema.org data block, type application/ld+json, never run, with every
  '<' written \u003c), no style attributes, a skip
  link, header/nav/main/footer landmarks and one h1. Links are relative, so
  the site works from file:// too.

  Entry stylesheet: the modules are common.xsl, html/text.xsl (the text),
  html/document.xsl (the document's page) and html/page.xsl (the frame).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>
  <xsl:include href="common/entries.xsl"/>
  <xsl:include href="html/functions.xsl"/>
  <xsl:include href="html/text.xsl"/>
  <xsl:include href="html/document.xsl"/>
  <xsl:include href="html/page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The entry: a TEI document. -->
  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/" as="node()*">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- A TEI document, or any other root element (rendered as a document from what it holds). -->
  <xsl:template match="/*" priority="-1" as="node()*">
    <xsl:call-template name="fp:document-page"/>
  </xsl:template>

</xsl:stylesheet>
