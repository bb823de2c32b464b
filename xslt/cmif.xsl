<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmif.xsl: the edition's correspondence metadata as CMIF (Correspondence
  Metadata Interchange Format, TEI Correspondence SIG), for correspSearch.
  One correspDesc for every correspDesc of every document, the embedded
  letters and telegrams included, made from the documents' summaries
  (common/summary.xsl): from a single TEI, those of that document (the
  principal result); corpus.xsl calls the named template fp:cmif for the
  edition's, from the edition-wide input (common/registers.xsl). The
  result validates against cmi-customization.rng and meets cmif.sch.

  Persons, organisations and places carry @ref as a full URI: the register
  entry's authority identifier (Wikidata, VIAF, GeoNames, … when its idno
  holds one), else the entry's page on the site (base URL +
  persons/ID.html). Dates keep @when, @from, @to, @notBefore, @notAfter
  ; a date with none of them is left out, as CMIF requires.

  Entry stylesheet: the modules are common.xsl, common/plain.xsl,
  common/registers.xsl, common/summary.xsl and cmif/correspondence.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:s="urn:edition:summary"
  xmlns="http://www.tei-c.org/ns/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>
  <xsl:include href="common/entries.xsl"/>
  <xsl:include href="common/plain.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="common/summary.xsl"/>
  <xsl:include href="cmif/correspondence.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- The entry: one TEI document. -->
  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/" as="element()*">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/TEI" as="element()">
    <xsl:call-template name="fp:cmif">
      <xsl:with-param name="documents" as="element(s:document)">
        <xsl:apply-templates select="." mode="m:summary"/>
      </xsl:with-param>
      <xsl:with-param name="header" select="teiHeader"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
