<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: one TEI document to plain text (UTF-8).

    No. 68                                  heading: docTitle's parts, docDate
    Telegram of L. D. Trotsky to I. V. Stalin
    March 21 [1920]

    Marks: [ ] as printed in the source …   the legend of the marks (f:text-marks-legend)

    Kharkov, to Stalin by direct wire[1],   the reading text, a blank line
    …                                       between paragraphs; an embedded
                                            text is indented by four spaces
    RTSKHIDNI. F. 558. …                    archival reference as printed
    Original, telegraph form.               physical description

    Notes:                                  [n] text, numbered as printed
    Editorial notes:                        this edition's notes, apart: ⟨e1⟩ text
    Apparatus:                              a lemma] reading (sigla); …

  f:text-edition-header gives corpus.xsl the edition's header (title,
  compilers, version, licence); the build appends each document's text to
  make edition.txt.
  Conventions are those of common/plain.xsl.

  Entry stylesheet: the modules are common.xsl, common/plain.xsl and
  text/document.xsl.
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
  <xsl:include href="common/plain.xsl"/>
  <xsl:include href="text/document.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- The entry: a TEI document; anything else gives its text content. -->
  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/" as="node()*">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1" as="node()*">
    <xsl:value-of select="f:text-file(.)"/>
  </xsl:template>

</xsl:stylesheet>
