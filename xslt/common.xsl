<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: the modules every output uses, included once by each entry
  stylesheet (html.xsl, text.xsl, json.xsl, cmif.xsl, summary.xsl,
  corpus.xsl). The modules only some outputs need are included by those
  entries themselves: common/plain.xsl (plain text: text, JSON, summaries),
  common/registers.xsl and common/summary.xsl (the edition-wide outputs).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/urls.xsl"/>
  <xsl:include href="common/names.xsl"/>
  <xsl:include href="common/dates.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/notes.xsl"/>
  <xsl:include href="common/apparatus.xsl"/>
  <xsl:include href="common/interventions.xsl"/>
  <xsl:include href="common/layout.xsl"/>

</xsl:stylesheet>
