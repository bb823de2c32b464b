<?xml version="1.0" encoding="UTF-8"?>
<!--
  params.xsl: the stylesheet parameters every entry stylesheet accepts, and
  the edition-wide values derived from them and from the source.

  All parameters are strings (so they pass unchanged from the command line,
  name=value, and from SaxonJS stylesheetParams); an empty string means
  "not given". The stylesheets never read the clock: $generated-date is the
  only date of building, and the build derives it from SOURCE_DATE_EPOCH.
  No mode.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- The edition's version, e.g. '0.1.0'; cited in citations, footers, JSON and CMIF. -->
  <xsl:param name="edition-version" as="xs:string" select="''"/>

  <!-- The public URL of the site root, e.g. 'https://example.org/bolshevik/'. '' keeps every URL relative. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>

  <!-- The licence URL, e.g. 'https://creativecommons.org/licenses/by/4.0/'. '' takes the header's licence/@target. -->
  <xsl:param name="licence" as="xs:string" select="''"/>

  <!-- The licence's name, e.g. 'CC BY 4.0'. '' takes the header's licence text, else the URL. -->
  <xsl:param name="licence-label" as="xs:string" select="''"/>

  <!-- Output base name of the document being transformed, e.g. 'doc068'. '' takes the sanitised TEI/@xml:id. -->
  <xsl:param name="doc-file" as="xs:string" select="''"/>

  <!-- Base name (id) of the previous document in collection order, for the prev link; () or '' when none. -->
  <xsl:param name="prev-doc" as="xs:string?" select="()"/>

  <!-- Base name (id) of the next document in collection order, for the next link; () or '' when none. -->
  <xsl:param name="next-doc" as="xs:string?" select="()"/>

  <!-- Date of the build as an ISO date (from SOURCE_DATE_EPOCH), e.g. '2024-05-01'; '' when not set. -->
  <xsl:param name="generated-date" as="xs:string" select="''"/>

  <!-- The edition's title. '' takes the corpus header's title (the build should pass it for single documents). -->
  <xsl:param name="edition-title" as="xs:string" select="''"/>

  <!-- ===== Derived, edition-wide values ===== -->

  <!-- The edition's header when the source is a teiCorpus (a copy of edition.xml's teiHeader). -->
  <xsl:variable name="f:edition-header" as="element(teiHeader)?"
    select="(/teiCorpus/teiHeader, /teiCorpus/TEI[f:is-edition(.)]/teiHeader)[1]"/>

  <xsl:variable name="f:edition-title" as="xs:string" select="(
      normalize-space($edition-title),
      f:header-title($f:edition-header),
      normalize-space(string(/TEI/teiHeader/fileDesc/seriesStmt/title[1])),
      'Edition')[. != ''][1]"/>

  <xsl:variable name="f:licence-url" as="xs:string" select="string((
      f:clean-url($licence),
      for $t in ($f:edition-header, /TEI/teiHeader)//availability/licence/@target return f:clean-url($t),
      '')[. != '' and f:is-safe-url(.)][1])"/>

  <xsl:variable name="f:licence-name" as="xs:string" select="string((
      normalize-space($licence-label),
      for $l in ($f:edition-header, /TEI/teiHeader)//availability/licence return normalize-space(string($l)),
      $f:licence-url, '')[. != ''][1])"/>

  <xsl:variable name="f:version" as="xs:string" select="string((
      normalize-space($edition-version),
      normalize-space($f:edition-header/fileDesc/editionStmt/edition[1]/@n),
      '')[. != ''][1])"/>

  <xsl:variable name="fp:prev-doc" as="xs:string?" select="normalize-space($prev-doc)[. != '']"/>
  <xsl:variable name="fp:next-doc" as="xs:string?" select="normalize-space($next-doc)[. != '']"/>

</xsl:stylesheet>
