<?xml version="1.0" encoding="UTF-8"?>
<!--
  text/document.xsl: a document's text file (f:text-file) and the lines
  heading edition.txt (f:text-edition-header). Included by text.xsl and
  corpus.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:variable name="fp:nl" as="xs:string" select="'&#10;'"/>

  <!-- A document's text file: a TEI document laid out as text.xsl shows, any other root element its plain text. -->
  <xsl:function name="f:text-file" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="f:text-file($root, if ($root/self::TEI) then f:plain-paragraphs($root/text) else ())"/>
  </xsl:function>

  <!-- The same, given the marked string of the document's text (f:plain-paragraphs($root/text)). -->
  <xsl:function name="f:text-file" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="paragraphs" as="xs:string?"/>
    <xsl:sequence select="if ($root/self::TEI) then concat(string-join(f:text-document($root, $paragraphs), $fp:nl), $fp:nl)
                          else concat(f:plain-text($root, true()), $fp:nl)"/>
  </xsl:function>

  <!-- The lines of one document's text file, given the marked string of its text (f:plain-paragraphs($tei/text)). -->
  <xsl:function name="f:text-document" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="paragraphs" as="xs:string?"/>
    <xsl:variable name="doc-title" as="element()?" select="$tei/text/front/docTitle[1]"/>
    <xsl:variable name="doc-date" as="element()?" select="$tei/text/front/docDate[1]"/>
    <!-- Heading -->
    <xsl:choose>
      <xsl:when test="$doc-title">
        <xsl:for-each select="$doc-title/*">
          <xsl:sequence select="concat(f:plain-line(node()), f:plain-markers(.),
                                       if (position() = last()) then f:plain-markers($doc-title) else '')"/>
        </xsl:for-each>
        <!-- (Text nodes alone: as f:plain-line reads them, without their neighbours.) -->
        <xsl:sequence select="normalize-space(string-join($doc-title/text()[normalize-space(.) != '']/f:join-breaks(.), ''))[. != '']"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:doc-number-label($tei), f:doc-title($tei)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:sequence select="if ($doc-date) then concat(f:plain-line($doc-date/node()), f:plain-markers($doc-date))
                          else f:date-text(f:doc-date($tei))"/>
    <!-- The marks of the text file -->
    <xsl:sequence select="'', $f:text-marks-legend"/>
    <!-- Reading text -->
    <xsl:for-each select="f:plain-lines(string($paragraphs), true())">
      <xsl:sequence select="'', ."/>
    </xsl:for-each>
    <!-- Archival reference and physical description -->
    <xsl:variable name="printed" as="element()?" select="f:printed-citation($tei)"/>
    <xsl:variable name="archive" as="xs:string*"
      select="((if ($printed) then f:plain-line($printed) else f:archival-citation($tei)),
               f:physical-description($tei)/f:plain-line(.))[. != '']"/>
    <xsl:if test="exists($archive)">
      <xsl:sequence select="'', $archive"/>
    </xsl:if>
    <!-- Notes -->
    <xsl:variable name="all-notes" as="element(note)*" select="f:doc-notes($tei)"/>
    <xsl:for-each select="('source', 'editorial')">
      <xsl:variable name="kind" as="xs:string" select="."/>
      <xsl:variable name="notes" as="element(note)*" select="$all-notes[fp:note-facts(.)[3] = $kind]"/>
      <xsl:if test="exists($notes)">
        <xsl:sequence select="'', concat(f:notes-heading(current()), ':')"/>
        <xsl:for-each select="$notes">
          <xsl:sequence select="'', concat(f:note-label(fp:note-facts(.)), ' ', f:plain-text(node(), true()), f:plain-markers(.))"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:for-each>
    <!-- Apparatus -->
    <xsl:variable name="apps" as="element(app)*" select="f:doc-apps($tei)"/>
    <xsl:if test="exists($apps)">
      <xsl:sequence select="'', 'Apparatus:', ''"/>
      <xsl:for-each select="$apps">
        <xsl:sequence select="f:text-app-entry(.)"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:function>

  <!--
    The legend under each document's heading: the marks of the text file
    (common/plain.xsl). Square brackets are the compilers' of the source,
    as printed; ⟨…⟩ marks everything this edition adds, so that no
    editorial word is taken for the source's. The same for every document,
    so that a reader of edition.txt or of any one file finds it.
  -->
  <xsl:variable name="f:text-marks-legend" as="xs:string+" select="(
      'Marks:',
      '[ ]  the source''s: words its compilers supplied [1920] or left out [...] (their brackets), the numbers of its notes [1]',
      '⟨ ⟩  added by this edition: its reading after the source''s form (Pre ⟨Chairman⟩), words it supplies ⟨1920⟩',
      '     or cannot read ⟨...⟩, ⟨sic⟩, a reading it is not sure of (word⟨?⟩), a change of hand ⟨hand: Stalin⟩,',
      '     a page ⟨p. 5⟩, the numbers of its notes ⟨e1⟩',
      '{ }  in the source, taken out by this edition',
      '⟦ ⟧  deleted in the source',
      '⌜ ⌝  added in the source (above the line, in the margin …): ⟦aus⟧⌜in⌝ is aus replaced by in',
      '“ ”  quoted words')"/>

  <!-- 'a encryption] the cipher (copy); towards (O)': lemma, then each reading with its sigla. -->
  <xsl:function name="f:text-app-entry" as="xs:string">
    <xsl:param name="app" as="element(app)"/>
    <xsl:variable name="lemma" as="element()?" select="f:app-lemma($app)"/>
    <xsl:variable name="lemma-sigla" as="xs:string*" select="f:witness-sigla($lemma/@wit)"/>
    <xsl:variable name="readings" as="xs:string*" select="
        for $r in f:app-readings($app)
        return concat(if (normalize-space(string($r)) = '') then 'om.' else f:plain-line($r/node()),
                      if ($r/@wit) then concat(' (', string-join(f:witness-sigla($r/@wit), ', '), ')') else '')"/>
    <xsl:sequence select="concat(f:app-label($app), ' ', f:plain-line($lemma/node()), ']',
                                 if (exists($lemma-sigla)) then concat(' (', string-join($lemma-sigla, ', '), ')') else '',
                                 if (exists($readings)) then concat(' ', string-join($readings, '; ')) else '')"/>
  </xsl:function>

  <!-- The lines heading edition.txt: title, compilers and editors, version, licence (corpus.xsl, on the edition-wide input). -->
  <xsl:function name="f:text-edition-header" as="xs:string*">
    <xsl:param name="edition" as="element()"/>
    <xsl:variable name="header" as="element(teiHeader)?" select="$f:edition-header"/>
    <xsl:variable name="titles" as="element()*" select="$header/fileDesc/titleStmt/title"/>
    <xsl:sequence select="$f:edition-title"/>
    <xsl:sequence select="$titles[not(@type = 'main')][normalize-space(.) != $f:edition-title]/f:plain-line(.)"/>
    <xsl:sequence select="''"/>
    <!-- A name still marked PLACEHOLDER is not set (src/site/unset-values.ts warns about it) and is left out. -->
    <xsl:for-each select="$header/fileDesc/titleStmt/respStmt">
      <xsl:variable name="names" as="xs:string*" select="(* except resp)/normalize-space(.)[not(contains(., 'PLACEHOLDER'))]"/>
      <xsl:if test="exists($names)">
        <xsl:sequence select="concat(f:capitalise(normalize-space(string-join(resp, ', '))), ': ', string-join($names, ', '))"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:variable name="editors" as="xs:string*" select="$header/fileDesc/titleStmt/editor/normalize-space(.)[not(contains(., 'PLACEHOLDER'))]"/>
    <xsl:if test="exists($editors)">
      <xsl:sequence select="concat('Editors: ', string-join($editors, ', '))"/>
    </xsl:if>
    <xsl:if test="$f:version != ''">
      <xsl:sequence select="concat('Version: ', $f:version)"/>
    </xsl:if>
    <xsl:if test="$f:licence-name != ''">
      <xsl:sequence select="concat('Licence: ', $f:licence-name,
                                   if ($f:licence-url != '' and $f:licence-url != $f:licence-name)
                                   then concat(' (', $f:licence-url, ')') else '')"/>
    </xsl:if>
    <xsl:if test="$base-url != ''">
      <xsl:sequence select="concat('Online: ', $base-url)"/>
    </xsl:if>
    <xsl:if test="$generated-date != ''">
      <xsl:sequence select="concat('Generated: ', $generated-date)"/>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
