<?xml version="1.0" encoding="UTF-8"?>
<!--
  corpus.xsl: every edition-wide output, each written with
  xsl:result-document, from the edition-wide input the build assembles
  (common/registers.xsl: the edition header, the registers and every
  document's summary, common/summary.xsl), never from the documents. In
  two parts, which the build makes and keeps apart (src/site/plan.ts):

  fp:edition-documents-outputs, the lists of the documents, from the header
  and the summaries (the build's input for it has no registers):
    index.html, search.html, about.html, cite/FILE.json, cite/FILE.bib
      (html/edition.xsl, with html/page.xsl's frame);
    json/index.json (json/edition.xsl);
    cmif.xml (cmif/correspondence.xsl's fp:cmif), with the correspondents'
      authority identifiers from $authority-uris, which the registers' part
      gives;
    edition-header.txt: the head of edition.txt (text/document.xsl), which the build
      puts before the documents' texts and does not publish on its own.

  fp:edition-registers-outputs, the registers and what reads them:
    persons.html, places.html, orgs.html, persons/ID.html, … (html/edition.xsl);
    json/persons.json, json/places.json, json/orgs.json (json/edition.xsl);
    authority-uris.txt: the first authority URI of the entry each pointer of
      the summaries names (cmif/correspondence.xsl), which the build keeps
      and hands the lists of the documents as $authority-uris; not published;
    entry-pages.txt: each register entry's id and page (made or omitted
      by $entry-pages-omitted), which the build keeps in its manifest and
      does not publish;
    entry-parts/N.txt: what the lists and the JSON show of each entry made
      (common/entry-parts.xsl), which the build keeps with the entry's page
      and hands back in $kept-entry-parts; not published.

  fp:edition-outputs makes both. Their work grows with the summaries (a few
  hundred bytes a letter), not with the texts: where each register entry
  occurs is one map made from the summaries' occurrence records, shared by
  the pages and the JSON.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>
  <xsl:include href="common/entries.xsl"/>
  <xsl:include href="common/plain.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="common/entry-parts.xsl"/>
  <xsl:include href="html/functions.xsl"/>
  <xsl:include href="html/text.xsl"/>
  <xsl:include href="html/document.xsl"/>
  <xsl:include href="html/page.xsl"/>
  <xsl:include href="html/edition.xsl"/>
  <xsl:include href="text/document.xsl"/>
  <xsl:include href="json/document.xsl"/>
  <xsl:include href="json/edition.xsl"/>
  <xsl:include href="cmif/correspondence.xsl"/>

  <xsl:output name="fp:text" method="text" encoding="UTF-8"/>

  <xsl:template match="/" name="fp:edition-outputs" as="empty-sequence()">
    <xsl:call-template name="fp:edition-documents-outputs"/>
    <xsl:call-template name="fp:edition-registers-outputs"/>
  </xsl:template>

  <xsl:template name="fp:edition-documents-outputs" as="empty-sequence()">
    <xsl:for-each select="/s:edition">
      <xsl:call-template name="fp:html-edition-documents"/>
      <xsl:call-template name="fp:json-edition-documents">
        <xsl:with-param name="folder" select="'json/'"/>
      </xsl:call-template>
      <xsl:result-document href="cmif.xml" format="fp:cmif">
        <xsl:call-template name="fp:cmif"/>
      </xsl:result-document>
      <xsl:result-document href="edition-header.txt" format="fp:text">
        <xsl:value-of select="concat(string-join(f:text-edition-header(.), $fp:nl), $fp:nl)"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="fp:edition-registers-outputs" as="empty-sequence()">
    <xsl:for-each select="/s:edition">
      <xsl:call-template name="fp:html-edition-registers"/>
      <xsl:call-template name="fp:json-edition-registers">
        <xsl:with-param name="folder" select="'json/'"/>
      </xsl:call-template>
      <!-- What CMIF reads of the registers, for the lists of the documents (cmif/correspondence.xsl's $authority-uris). -->
      <xsl:result-document href="authority-uris.txt" format="fp:text">
        <xsl:value-of select="fp:authority-uris-text($fp:summaries)"/>
      </xsl:result-document>
      <xsl:call-template name="fp:entry-parts-made"/>
      <!-- Which page is whose: a line 'ID TAB PAGE' per register entry, made or omitted ($entry-pages-omitted). -->
      <xsl:result-document href="entry-pages.txt" format="fp:text">
        <xsl:for-each select="$f:register-kinds">
          <xsl:variable name="kind" as="xs:string" select="."/>
          <xsl:for-each select="f:entries-of-kind($kind)">
            <xsl:value-of select="concat(@xml:id, '&#9;', fp:entry-page-href($kind, .), $fp:nl)"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
