<?xml version="1.0" encoding="UTF-8"?>
<!--
  apparatus.xsl: app, lem, rdg and witnesses. The text shows the lemma
  (lem, or the first rdg when there is no lem); the apparatus lists the other
  readings with the sigla of their witnesses, resolved against
  listWit/witness/@xml:id (siglum = @n, else the witness's description).
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:function name="f:doc-apps" as="element(app)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/text//app"/>
  </xsl:function>

  <!-- The reading the text shows: lem, else the first rdg. -->
  <xsl:function name="f:app-lemma" as="element()?">
    <xsl:param name="app" as="element(app)"/>
    <xsl:sequence select="($app/lem, $app/rdgGrp/lem, $app/rdg, $app/rdgGrp/rdg)[1]"/>
  </xsl:function>

  <!-- The readings listed against the lemma. -->
  <xsl:function name="f:app-readings" as="element()*">
    <xsl:param name="app" as="element(app)"/>
    <xsl:variable name="lemma" as="element()?" select="f:app-lemma($app)"/>
    <xsl:sequence select="($app/rdg | $app/rdgGrp/rdg)[not(. is $lemma)]"/>
  </xsl:function>

  <!-- Position of the app among its document's apps (1-based). -->
  <xsl:function name="fp:app-position" as="xs:integer">
    <xsl:param name="app" as="element(app)"/>
    <xsl:variable name="tei" as="element()?" select="$app/ancestor::TEI[1]"/>
    <xsl:sequence select="count($app/preceding::app[ancestor::TEI[1] is $tei]) + count($app/ancestor::app) + 1"/>
  </xsl:function>

  <!-- The app's HTML id: its sanitised xml:id, else DOCID-app-N. -->
  <xsl:function name="f:app-id" as="xs:string">
    <xsl:param name="app" as="element(app)"/>
    <xsl:variable name="tei" as="element()?" select="$app/ancestor::TEI[1]"/>
    <xsl:sequence select="if (normalize-space($app/@xml:id) != '') then f:safe-name($app/@xml:id)
                          else concat(f:safe-name(if ($tei) then f:doc-id($tei) else 'document'),
                                      '-app-', fp:app-position($app))"/>
  </xsl:function>

  <!-- The app's label in text and apparatus: a, b, …, z, aa, ab, … -->
  <xsl:function name="f:app-label" as="xs:string">
    <xsl:param name="app" as="element(app)"/>
    <xsl:sequence select="fp:letters(fp:app-position($app))"/>
  </xsl:function>

  <xsl:function name="fp:letters" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="letter" as="xs:string" select="substring('abcdefghijklmnopqrstuvwxyz', (($n - 1) mod 26) + 1, 1)"/>
    <xsl:sequence select="if ($n le 26) then $letter else concat(fp:letters(($n - 1) idiv 26), $letter)"/>
  </xsl:function>

  <xsl:function name="f:doc-witnesses" as="element(witness)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/teiHeader//listWit//witness"/>
  </xsl:function>

  <!-- A witness's siglum: @n, else its manuscript's identifier (its parts separated by ', '), else its description, else its id. -->
  <xsl:function name="f:witness-label" as="xs:string">
    <xsl:param name="witness" as="element(witness)"/>
    <xsl:sequence select="(normalize-space($witness/@n),
                           string-join($witness/msDesc[1]/msIdentifier[1]/*/normalize-space(.)[. != ''], ', '),
                           normalize-space(string($witness)),
                           normalize-space($witness/@xml:id))[. != ''][1]"/>
  </xsl:function>

  <!-- The sigla of the witnesses a @wit names; a pointer that names no witness shows as itself, without '#'. -->
  <xsl:function name="f:witness-sigla" as="xs:string*">
    <xsl:param name="wit" as="attribute()?"/>
    <xsl:variable name="tei" as="element()?" select="$wit/ancestor::TEI[1]"/>
    <xsl:for-each select="tokenize(normalize-space(string($wit)), ' ')">
      <xsl:variable name="witness" as="element()?" select="f:local-target(., $tei)[self::witness]"/>
      <xsl:sequence select="if ($witness) then f:witness-label($witness) else replace(., '^#', '')"/>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
