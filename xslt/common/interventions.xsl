<?xml version="1.0" encoding="UTF-8"?>
<!--
  interventions.xsl: editorial and scribal interventions (choice, supplied,
  add, del, gap, unclear, sic, handShift, …): which side of a choice is the
  reading, and how each intervention is described to a reader.
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The reading side of a choice: corr, expan or reg; else its first child. -->
  <xsl:function name="f:choice-reading" as="element()?">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:sequence select="($choice/(corr | expan | reg), $choice/*)[1]"/>
  </xsl:function>

  <!-- The source side(s) of a choice: every other child (sic, abbr, orig, seg, …). -->
  <xsl:function name="f:choice-sources" as="element()*">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:variable name="reading" as="element()?" select="f:choice-reading($choice)"/>
    <xsl:sequence select="$choice/*[not(. is $reading)]"/>
  </xsl:function>

  <!--
    Whether an intervention (supplied, gap) is the compilers' of the source:
    its first @resp points at the respStmt 'compilers' (edition.xml#compilers,
    #compilers). Their brackets are printed as the source prints them;
    everything else is this edition's (no @resp: the encoders').
  -->
  <xsl:function name="f:by-compilers" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/@resp) and fp:resp-id($e) = 'compilers'"/>
  </xsl:function>

  <!-- The id the first @resp of an element points at ('edition.xml#compilers': 'compilers'), '' without @resp. -->
  <xsl:function name="fp:resp-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="first" as="xs:string?" select="tokenize(normalize-space($e/@resp), ' ')[1]"/>
    <xsl:sequence select="if (empty($first)) then '' else if (contains($first, '#')) then substring-after($first, '#') else $first"/>
  </xsl:function>

  <!--
    The quotation marks around quoted words (q, mentioned, soCalled) in
    every output: '“' and '”', or '‘' and '’' inside other quoted words;
    none when the text just before already ends in an opening mark (a
    source that types its own marks around the element).
  -->
  <xsl:function name="f:quotation-marks" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" as="xs:string" select="string($e/preceding-sibling::node()[1][self::text()])"/>
    <xsl:sequence select="if (some $m in ('“', '„', '«', '‘', '‚', '‹', '&quot;') satisfies ends-with($before, $m)) then ('', '')
                          else if (exists($e/ancestor::*[self::q or self::mentioned or self::soCalled][1])) then ('‘', '’')
                          else ('“', '”')"/>
  </xsl:function>

  <!-- The names fp:intervention-title describes, as '|name|…|' for contains() (the quickest name test in SaxonJS). -->
  <xsl:variable name="fp:intervention-names-string" as="xs:string"
    select="'|supplied|gap|unclear|add|del|sic|corr|abbr|expan|orig|reg|surplus|damage|restore|space|'"/>

</xsl:stylesheet>
